namespace FeatureCodeBehind.Tests.Parsing;

public sealed class FeatureParserTests
{
    [Fact]
    public void Parse_BackgroundAfterAScenario_ReportsTheLineAndColumn()
    {
        const string text = "Feature: Broken\n  Scenario: ok\n    Given a step\n\n  Background:\n    Given late\n";

        var parse = () => FeatureParser.Parse("features/broken.feature", text, "en-US");

        var error = parse.Should().Throw<FeatureSyntaxException>().Which.Errors.Should().ContainSingle().Which;
        error.Line.Should().Be(5);
        error.Column.Should().Be(3);
        error.Message.Should().Contain("expected:");
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsEveryOne()
    {
        const string text = "Feature: Broken\n  Scenario: one\n    Given a\n  | a |\n  Foo bar\n  Scenario: two\n    Given b\n  @tag\n    Given c\n";

        var parse = () => FeatureParser.Parse("features/broken.feature", text, "en-US");

        parse.Should().Throw<FeatureSyntaxException>().Which.Errors.Select(e => e.Line).Should().Equal(5, 9, 10);
    }

    [Fact]
    public void Parse_UnknownLanguage_IsASyntaxError()
    {
        var parse = () => FeatureParser.Parse("features/x.feature", "# language: xx-nope\nFeature: x\n", "en-US");

        parse.Should().Throw<FeatureSyntaxException>().Which.Errors.Single().Message.Should().Contain("xx-nope");
    }

    [Fact]
    public void Parse_EmptyFile_HasNoFeatureAndNoPickles()
    {
        var feature = FeatureParser.Parse("features/empty.feature", "# only a comment\n", "en-US");

        feature.Document.Feature.Should().BeNull();
        feature.Pickles.Should().BeEmpty();
        CodeBehindFiles.Generate(feature, "Specs", "x", GeneratorConfig.Default).Code.Should().NotContain("class");
    }

    [Fact]
    public void Parse_DefaultLanguage_IsTheConfiguredCultureUnlessTheFileNamesOne()
    {
        FeatureParser.Parse("features/a.feature", "Feature: a\n", "en-US").Language.Should().Be("en-US");
        FeatureParser.Parse("features/b.feature", "# language: de\nFunktionalität: b\n", "en-US").Language.Should().Be("de");
    }

    [Fact]
    public void Parse_UriAndFolder_AreSlashSeparated()
    {
        var feature = FeatureParser.Parse(@"features\supervision\drain.feature", "Feature: Drain\n", "en-US");

        feature.Uri.Should().Be("features/supervision/drain.feature");
        feature.FolderPath.Should().Be("features/supervision");
    }
}
