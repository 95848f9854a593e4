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
              "formatters": { "message": { "outputFilePath": "reports/x.ndjson" } }
            }
            """;

        var settings = ReqnrollJsonReader.Read(json);

        settings.NonParallelizableTags.Should().Equal("serial", "process");
        settings.FeatureLanguage.Should().Be("de");
    }

    [Fact]
    public void Read_CommentsTrailingCommasAndEscapes_AreTolerated()
    {
        const string json = """
            // comment
            { /* block */ "Generator": { "addNonParallelizableMarkerForTags": [ "a\u0062c", 3, null, ], }, }
            """;

        ReqnrollJsonReader.Read(json).NonParallelizableTags.Should().Equal("abc");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{ \"generator\": { \"addNonParallelizableMarkerForTags\": [ \"x\"")]
    [InlineData("[1, 2]")]
    public void Read_MissingOrBroken_FallsBackToDefaultsOrWhatWasRead(string? json)
    {
        var settings = ReqnrollJsonReader.Read(json);

        settings.FeatureLanguage.Should().Be("en");
        settings.NonParallelizableTags.Count.Should().BeLessThanOrEqualTo(1);
    }
}
