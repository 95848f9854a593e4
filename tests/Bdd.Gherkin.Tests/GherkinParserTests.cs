using Bdd.Gherkin.Ast;
using Bdd.Messages;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests;

public class GherkinParserTests
{
    private const string Uri = "features/drain.feature";

    [Fact]
    public void Parse_UnexpectedLine_ReportsUriLineColumnAndExpectedTokens()
    {
        var result = GherkinParser.Parse("Feature: f\n  Scenario: s\n    Given a\n  Foo\n", Uri);

        result.Succeeded.Should().BeFalse();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Uri.Should().Be(Uri);
        error.Location.Should().Be(new Location(4, 3));
        error.Message.Should().Be("(4:3): expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'Foo'");
        error.ToString().Should().StartWith("features/drain.feature:4:3: (4:3): expected:");
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryErrorInLineOrder()
    {
        var text = "Feature: f\n  Scenario: s\n    Given a\n    Foo\n      | a | b |\n      | c |\n  Scenario: t\n    Given x\n    Bar\n";

        var result = GherkinParser.Parse(text, Uri);

        result.Errors.Select(e => e.Message).Should().Equal(
            "(4:5): expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'Foo'",
            "(6:7): inconsistent cell count within the table",
            "(9:5): expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty, got 'Bar'");
    }

    [Fact]
    public void Parse_UnknownLanguage_ReportsLanguageNotSupported()
    {
        var result = GherkinParser.Parse("# language: xx\nFeature: f\n", Uri);

        result.Errors.Should().ContainSingle().Which.Message.Should().Be("(1:1): Language not supported: xx");
    }

    [Fact]
    public void Parse_IndentedUnknownLanguage_MessageKeepsIndentColumnButLocationIsTheCommentColumn()
    {
        // the reference shares the token's location with this error; the line is then matched as a comment
        var result = GherkinParser.Parse("  # language: qq\nFeature: f\n", Uri);

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Message.Should().Be("(1:3): Language not supported: qq");
        error.Location.Should().Be(new Location(1, 1));
    }

    [Fact]
    public void Parse_UnknownDefaultLanguage_ReportsErrorInsteadOfThrowing()
    {
        var result = GherkinParser.Parse("Feature: f\n", Uri, new ParseOptions { DefaultLanguage = "xx" });

        result.Document.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Message.Should().Be("(1:1): Language not supported: xx");
    }

    [Fact]
    public void Parse_UnclosedDocString_ReportsUnexpectedEndOfFileWithoutColumn()
    {
        var result = GherkinParser.Parse("Feature: f\n  Scenario: s\n    Given a\n      \"\"\"\n      text\n", Uri);

        var error = result.Errors.Should().ContainSingle().Subject;
        error.Message.Should().Be("(6:0): unexpected end of file, expected: #DocStringSeparator, #Other");
        error.Location.Should().Be(new Location(6));
    }

    [Fact]
    public void Parse_TagWithWhitespace_ReportsTagColumn()
    {
        var result = GherkinParser.Parse("Feature: f\n  @fine @bad tag\n  Scenario: s\n", Uri);

        result.Errors.Select(e => e.Message).Should().Contain("(2:9): A tag may not contain whitespace");
    }

    [Fact]
    public void Parse_MoreThanTenErrors_StopsAfterTheEleventh()
    {
        var text = "Feature: f\n  Scenario: s\n    Given a\n" + string.Concat(Enumerable.Range(1, 15).Select(i => $"  oops {i}\n"));

        var result = GherkinParser.Parse(text, Uri);

        result.Errors.Should().HaveCount(11);
        result.Errors[^1].Message.Should().EndWith("got 'oops 11'");
        result.Document.Should().BeNull();
    }

    [Fact]
    public void Parse_CrLfFile_GivesTheSameDocumentAsLf()
    {
        var lf = "Feature: f\n  Scenario: s\n    Given a\n      \"\"\"\n      x\n      y\n      \"\"\"\n      | a |\n";

        var fromLf = GherkinParser.Parse(lf, Uri);
        var fromCrLf = GherkinParser.Parse(lf.Replace("\n", "\r\n"), Uri);

        fromCrLf.Succeeded.Should().BeTrue();
        Envelope.GherkinDocument(fromCrLf.Document!).Should().Be(Envelope.GherkinDocument(fromLf.Document!));
        fromCrLf.Document!.Feature!.Children[0].Scenario!.Steps[0].DocString!.Content.Should().Be("x\ny");
    }

    [Fact]
    public void Parse_FileWithErrors_ReturnsPartialDocumentWithTheScenarios()
    {
        var result = GherkinParser.Parse("Feature: f\n  Scenario: one\n    Given a\n  Foo\n  Scenario: two\n    Given b\n", Uri);

        result.Succeeded.Should().BeFalse();
        result.Document!.Feature!.Children.Select(c => c.Scenario!.Name).Should().Equal("one", "two");
    }

    [Fact]
    public void Parse_DefaultLanguageOption_UsesThatDialect()
    {
        var result = GherkinParser.Parse("Fonctionnalité: f\n  Scénario: s\n    Soit a\n", Uri, new ParseOptions { DefaultLanguage = "fr" });

        result.Succeeded.Should().BeTrue();
        result.Document!.Feature!.Language.Should().Be("fr");
        result.Document.Feature.Children[0].Scenario!.Steps[0].KeywordType.Should().Be(StepKeywordType.Context);
    }

    [Fact]
    public void Parse_TableEscapes_AreUnescapedWithCellColumns()
    {
        var result = GherkinParser.Parse("Feature: f\n  Scenario: s\n    Given t\n      | a \\| b | c \\\\ d | e\\nf | \\x |\n", Uri);

        var cells = result.Document!.Feature!.Children[0].Scenario!.Steps[0].DataTable!.Rows[0].Cells;
        cells.Select(c => c.Value).Should().Equal("a | b", "c \\ d", "e\nf", "\\x");
        cells[0].Location.Should().Be(new Location(4, 9));
    }

    [Fact]
    public void Parse_DocStringDelimitersAndMediaType_AreKept()
    {
        var text = "Feature: f\n  Scenario: s\n    Given a\n      ```json\n      {\"a\": \\`\\`\\`}\n      ```\n    And b\n      \"\"\"\n      \\\"\\\"\\\"\n      \"\"\"\n";

        var steps = GherkinParser.Parse(text, Uri).Document!.Feature!.Children[0].Scenario!.Steps;

        steps[0].DocString.Should().Be(new DocString(new Location(4, 7), "json", "{\"a\": ```}", "```"));
        steps[1].DocString!.Content.Should().Be("\"\"\"");
        steps[1].DocString!.MediaType.Should().BeNull();
    }

    [Fact]
    public void Parse_IdGeneratorOption_IsUsedForEveryNode()
    {
        var ids = new IncrementingIdGenerator();

        var result = GherkinParser.Parse("@t\nFeature: f\n  Scenario: s\n    Given a\n", Uri, new ParseOptions { IdGenerator = ids });

        var scenario = result.Document!.Feature!.Children[0].Scenario!;
        scenario.Steps[0].Id.Should().Be("0");
        scenario.Id.Should().Be("1");
        result.Document.Feature.Tags[0].Id.Should().Be("2", "feature tags get their ids when the feature closes, as in Cucumber");
        ids.NewId().Should().Be("3");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_RandomGherkinLikeInput_NeverThrows(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["Feature:", "Rule:", "Background:", "Scenario:", "Scenario Outline:", "Examples:", "Given ", "And ", "* ", "@t", "@a b", "|", "\\", "\"\"\"", "```", "#", "# language: ja", "# language: zz", "<x>", " ", "\t", "\r\n", "\n", "前提", "😀", "\uD800"];

        for (var i = 0; i < 300; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)]));

            var result = GherkinParser.Parse(text, Uri);

            (result.Document != null || result.Errors.Count > 0).Should().BeTrue($"input {i} must give a document or errors");
            if (result.Succeeded)
            {
                PickleCompiler.Compile(result.Document!, new IncrementingIdGenerator()).Should().NotBeNull();
            }
        }
    }
}
