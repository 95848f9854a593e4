using Bdd.Configuration;
using Bdd.Formatters;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Formatters;

public class FormatterFactoryTests
{
    private static BddConfiguration Config(string formatters)
        => BddConfiguration.Parse($$"""{ "formatters": {{formatters}} }""", "reqnroll.json");

    [Fact]
    public void CreateFromConfiguration_ThreeFormatters_ResolvesPathsAgainstTheBase()
    {
        var root = ReportRun.TempDirectory();
        var config = Config("""
            { "message": { "outputFilePath": "reports/cucumber-messages.ndjson" },
              "html": { "outputFilePath": "reports/cucumber-report.html" },
              "livingDoc": { "outputFilePath": "reports/living-doc/index.html" },
              "junit": { "outputFilePath": "reports/junit.xml" } }
            """);

        var listeners = FormatterFactory.CreateFromConfiguration(config, root, reportsDirectory: "");

        listeners.Should().HaveCount(3, "unknown formatters are ignored");
        listeners[0].Should().BeOfType<MessageFormatter>().Which.OutputFilePath.Should().Be(Path.Combine(root, "reports", "cucumber-messages.ndjson"));
        listeners[1].Should().BeOfType<HtmlFormatter>().Which.OutputFilePath.Should().Be(Path.Combine(root, "reports", "cucumber-report.html"));
        listeners[2].Should().BeOfType<LivingDocFormatter>().Which.OutputFilePath.Should().Be(Path.Combine(root, "reports", "living-doc", "index.html"));
    }

    [Fact]
    public void CreateFromConfiguration_ReportsDirectoryOverride_ReplacesTheReportsFolder()
    {
        var reports = ReportRun.TempDirectory();
        var config = Config("""{ "message": { "outputFilePath": "reports/cucumber-messages.ndjson" }, "livingDoc": {} }""");

        var listeners = FormatterFactory.CreateFromConfiguration(config, "/repo", reports);

        listeners[0].Should().BeOfType<MessageFormatter>().Which.OutputFilePath.Should().Be(Path.Combine(reports, "cucumber-messages.ndjson"));
        listeners[1].Should().BeOfType<LivingDocFormatter>().Which.OutputFilePath.Should().Be(Path.Combine(reports, "living-doc", "index.html"), "a key without outputFilePath uses the default");
    }

    [Fact]
    public void CreateFromConfiguration_NoFormatters_ReturnsNone()
        => FormatterFactory.CreateFromConfiguration(BddConfiguration.Default, "/repo").Should().BeEmpty();

    [Fact]
    public void Resolve_AbsolutePath_IsKept()
    {
        var absolute = Path.Combine(ReportRun.TempDirectory(), "out.ndjson");
        FormatterPaths.Resolve(absolute, "/repo", "/elsewhere").Should().Be(absolute);
    }

    [Fact]
    public void RepositoryRoot_SolutionAbove_IsThatFolder()
    {
        var root = ReportRun.TempDirectory();
        File.WriteAllText(Path.Combine(root, FormatterPaths.RootMarker), "");
        var start = Path.Combine(root, "src", "Steps", "bin");
        Directory.CreateDirectory(start);

        FormatterPaths.RepositoryRoot(start).Should().Be(root);
    }
}
