using Bdd.Generator.Configuration;
using FluentAssertions;
using Xunit;

namespace Bdd.Generator.Tests.Configuration;

public class ReqnrollJsonReaderTests
{
    [Fact]
    public void Read_RepositoryStyleFile_ReadsTagsWithoutAtAndLanguage()
    {
        const string json = """
            {
              "$schema": "https://schemas.reqnroll.net/reqnroll-config-latest.json",
              "language": { "feature": "de", "binding": "en-US" },
              "runtime": { "missingOrPendingStepsOutcome": "Error", "stopAtFirstError": false },
              "generator": { "addNonParallelizableMarkerForTags": [ "serial", "@process" ] },
              "formatters": { "message": { "outputFilePath": "reports/x.ndjson" } },
              "unknownKey": { "is": [ "ignored", 1, null ] }
            }
            """;

        var result = ReqnrollJsonReader.Read(json);

        result.Settings.NonParallelizableTags.Should().Equal("serial", "process");
        result.Settings.FeatureLanguage.Should().Be("de");
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Read_CommentsTrailingCommasAndEscapes_AreTolerated()
    {
        const string json = """
            // comment
            { /* block */ "Generator": { "addNonParallelizableMarkerForTags": [ "a\u0062c", "\"q\"", ], }, }
            """;

        var result = ReqnrollJsonReader.Read(json);

        result.Settings.NonParallelizableTags.Should().Equal("abc", "\"q\"");
        result.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Read_Null_DefaultsWithoutDiagnostic()
    {
        var result = ReqnrollJsonReader.Read(null);

        result.Settings.Should().Be(Bdd.Generator.Model.ReqnrollSettings.Default);
        result.Diagnostics.Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "reqnroll.json(1,1): invalid JSON: the file is empty")]
    [InlineData("not json", "reqnroll.json(1,1): invalid JSON: invalid value 'not'")]
    [InlineData("{ \"generator\": { \"addNonParallelizableMarkerForTags\": [ \"x\"", "reqnroll.json(1,60): invalid JSON: unexpected end of file, expected ']'")]
    [InlineData("{ \"a\": 1 \"b\": 2 }", "reqnroll.json(1,10): invalid JSON: expected ',' or '}'")]
    [InlineData("{ a: 1 }", "reqnroll.json(1,3): invalid JSON: expected a property name in double quotes or '}'")]
    [InlineData("{ \"a\": [1,,2] }", "reqnroll.json(1,11): invalid JSON: expected a value or ']'")]
    [InlineData("{ \"a\": \"x } ", "reqnroll.json(1,8): invalid JSON: unterminated string")]
    [InlineData("{ } }", "reqnroll.json(1,5): invalid JSON: unexpected '}' after the end of the JSON value")]
    [InlineData("{ /* open ", "reqnroll.json(1,3): invalid JSON: unterminated comment")]
    [InlineData("[1, 2]", "reqnroll.json(1,1): the configuration must be a JSON object, found an array")]
    public void Read_Broken_FallsBackToDefaultsAndReportsOneDiagnostic(string json, string message)
    {
        var result = ReqnrollJsonReader.Read(json, "/repo/reqnroll.json");

        result.Settings.FeatureLanguage.Should().Be("en");
        result.Settings.NonParallelizableTags.Count.Should().BeLessThanOrEqualTo(1);
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be(message);
        result.Diagnostics[0].FilePath.Should().Be("/repo/reqnroll.json");
    }

    [Fact]
    public void Read_MissingComma_LocatesTheProblemOnItsLineAndColumn()
    {
        const string json = "{\n  \"generator\": {\n    \"addNonParallelizableMarkerForTags\": [ \"serial\" ]\n    \"x\": 1\n  }\n}\n";

        var problem = ReqnrollJsonReader.Read(json).Diagnostics.Should().ContainSingle().Subject;

        problem.Message.Should().Be("reqnroll.json(4,5): invalid JSON: expected ',' or '}'");
        (problem.StartLine, problem.StartColumn, problem.EndLine, problem.EndColumn).Should().Be((3, 4, 3, 5));
        json.Substring(problem.SpanStart, problem.SpanLength).Should().Be("\"");
    }

    [Fact]
    public void Read_TagsNotAnArray_ReportsTheValueSpan()
    {
        const string json = "{\n  \"generator\": { \"addNonParallelizableMarkerForTags\": \"serial\" }\n}";

        var result = ReqnrollJsonReader.Read(json);

        var problem = result.Diagnostics.Should().ContainSingle().Subject;
        problem.Message.Should().Be("reqnroll.json(2,55): generator.addNonParallelizableMarkerForTags must be an array of strings, found the string \"serial\"");
        json.Substring(problem.SpanStart, problem.SpanLength).Should().Be("\"serial\"");
        result.Settings.NonParallelizableTags.Should().BeEmpty();
    }

    [Fact]
    public void Read_TagItemsNotStrings_ReportsEachItemAndKeepsTheStrings()
    {
        const string json = """{ "generator": { "addNonParallelizableMarkerForTags": [ "serial", 3, null ] } }""";

        var result = ReqnrollJsonReader.Read(json);

        result.Settings.NonParallelizableTags.Should().Equal("serial");
        result.Diagnostics.Select(d => d.Message).Should().Equal(
            "reqnroll.json(1,67): generator.addNonParallelizableMarkerForTags[1] must be a string, found the number 3",
            "reqnroll.json(1,70): generator.addNonParallelizableMarkerForTags[2] must be a string, found null");
    }

    [Theory]
    [InlineData("""{ "generator": [] }""", "reqnroll.json(1,16): generator must be an object, found an array")]
    [InlineData("""{ "language": { "feature": 7 } }""", "reqnroll.json(1,28): language.feature must be a string, found the number 7")]
    public void Read_SectionOrLanguageOfWrongType_ReportsIt(string json, string message)
        => ReqnrollJsonReader.Read(json).Diagnostics.Should().ContainSingle().Which.Message.Should().Be(message);

    [Fact]
    public void Read_SameText_ResultsAreEqual()
    {
        const string json = """{ "generator": { "addNonParallelizableMarkerForTags": 1 } }""";

        ReqnrollJsonReader.Read(json).Should().Be(ReqnrollJsonReader.Read(json));
    }
}
