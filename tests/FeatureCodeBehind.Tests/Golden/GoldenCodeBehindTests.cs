namespace FeatureCodeBehind.Tests.Golden;

/// <summary>The code-behind and feature messages of two reviewed features, byte for byte.</summary>
public sealed class GoldenCodeBehindTests
{
    private static readonly GeneratorConfig Config = new("en-US", ["serial"], []);

    [Theory]
    [InlineData("showcase.feature")]
    [InlineData("german.feature")]
    public void Generate_GoldenFeature_MatchesTheReviewedCodeAndMessages(string file)
    {
        var text = File.ReadAllText(Path.Combine(GoldenFiles.SourceDirectory(), file));
        var feature = FeatureParser.Parse("features/golden/" + file, text, Config.FeatureLanguage);

        var output = CodeBehindFiles.Generate(feature, "Specs", "/repo/features/golden/" + file, Config);

        GoldenFiles.Verify(file + ".cs.golden", output.Code);
        GoldenFiles.Verify(file + ".ndjson.golden", output.Messages);
    }

    [Fact]
    public void Generate_SameFeatureTwice_IsIdentical()
    {
        var text = File.ReadAllText(Path.Combine(GoldenFiles.SourceDirectory(), "showcase.feature"));

        var first = CodeBehindFiles.Generate(FeatureParser.Parse("features/a.feature", text, "en-US"), "Specs", "a", Config);
        var second = CodeBehindFiles.Generate(FeatureParser.Parse("features/a.feature", text, "en-US"), "Specs", "a", Config);

        second.Should().Be(first, "ids are derived from the uri and the text, so a rebuild generates the same files");
    }

    [Fact]
    public void Generate_TwoFeaturesWithTheSameText_GetDifferentIds()
    {
        var text = File.ReadAllText(Path.Combine(GoldenFiles.SourceDirectory(), "german.feature"));

        var a = FeatureParser.Parse("features/a.feature", text, "en-US");
        var b = FeatureParser.Parse("features/b.feature", text, "en-US");

        a.Pickles[0].Id.Should().NotBe(b.Pickles[0].Id, "pickle ids must be unique across the features of one run");
    }
}
