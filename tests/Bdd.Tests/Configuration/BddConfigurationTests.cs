using Bdd.Configuration;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Configuration;

public class BddConfigurationTests
{
    [Fact]
    public void Parse_FullFile_ReadsEverySetting()
    {
        var configuration = BddConfiguration.Parse("""
            {
              "$schema": "https://schemas.reqnroll.net/reqnroll-config-latest.json",
              "language": { "feature": "de", "binding": "de-DE" },
              "runtime": { "missingOrPendingStepsOutcome": "Error", "stopAtFirstError": true },
              "generator": { "addNonParallelizableMarkerForTags": [ "serial" ] },
              "bindingAssemblies": [ { "assembly": "Shared.Steps" }, "Other.Steps" ],
              "formatters": { "message": { "outputFilePath": "reports/run.ndjson" }, "html": { "outputFilePath": "reports/run.html" } }
            }
            """, "reqnroll.json");
        configuration.FeatureLanguage.Should().Be("de");
        configuration.BindingCulture.Name.Should().Be("de-DE");
        configuration.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Error);
        configuration.StopAtFirstError.Should().BeTrue();
        configuration.AddNonParallelizableMarkerForTags.Should().Equal("serial");
        configuration.BindingAssemblies.Should().Equal("Shared.Steps", "Other.Steps");
        configuration.GetFormatterOutputFilePath("message").Should().Be("reports/run.ndjson");
        configuration.GetFormatterOutputFilePath("html").Should().Be("reports/run.html");
        configuration.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Default_NoFile_HasReqnrollDefaults()
    {
        var configuration = BddConfiguration.Load(Path.Combine(Path.GetTempPath(), "bdd-no-config-" + Guid.NewGuid().ToString("N")));
        configuration.FeatureLanguage.Should().Be("en");
        configuration.BindingCulture.Name.Should().Be("en-US");
        configuration.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Inconclusive);
        configuration.StopAtFirstError.Should().BeFalse();
        configuration.FilePath.Should().BeNull();
    }

    [Fact]
    public void Parse_UnknownKeys_AreWarningsNamingTheKey()
    {
        var configuration = BddConfiguration.Parse("""{ "runtime": { "stopAtFirstErorr": true }, "trace": {} }""", "reqnroll.json");
        configuration.Warnings.Should().HaveCount(2);
        configuration.Warnings.Should().Contain(w => w.Contains("'runtime.stopAtFirstErorr'"));
        configuration.Warnings.Should().Contain(w => w.Contains("'trace'"));
    }

    [Fact]
    public void Parse_InvalidJson_ThrowsNamingFileAndPosition()
        => FluentActions.Invoking(() => BddConfiguration.Parse("{\n  \"runtime\": { \"stopAtFirstError\": tru }\n}", "/repo/reqnroll.json"))
            .Should().Throw<BddConfigurationException>().WithMessage("/repo/reqnroll.json(2,*): invalid JSON*");

    [Theory]
    [InlineData("""{ "runtime": { "missingOrPendingStepsOutcome": "Fail" } }""", "*missingOrPendingStepsOutcome must be Inconclusive, Ignore or Error*")]
    [InlineData("""{ "language": { "binding": "xx-NOPE" } }""", "*'xx-NOPE' is not a known culture*")]
    [InlineData("""{ "runtime": { "stopAtFirstError": "yes" } }""", "*stopAtFirstError must be true or false*")]
    public void Parse_InvalidValue_ThrowsClearMessage(string json, string pattern)
        => FluentActions.Invoking(() => BddConfiguration.Parse(json, "reqnroll.json")).Should().Throw<BddConfigurationException>().WithMessage(pattern);

    [Fact]
    public void Load_FileInDirectory_ReadsIt()
    {
        var directory = Directory.CreateTempSubdirectory("bdd-config-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "reqnroll.json"), """{ "runtime": { "missingOrPendingStepsOutcome": "Ignore" } }""");
            var configuration = BddConfiguration.Load(directory.FullName);
            configuration.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Ignore);
            configuration.FilePath.Should().Be(Path.Combine(directory.FullName, "reqnroll.json"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
