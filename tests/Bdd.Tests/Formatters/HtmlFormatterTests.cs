using Bdd.Events;
using Bdd.Formatters;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Formatters;

public class HtmlFormatterTests
{
    /// <summary>A stand-in for the package's dist folder: main.js and main.css, no template (the built-in copy is used).</summary>
    private static string FakeDist()
    {
        var dist = ReportRun.TempDirectory();
        File.WriteAllText(Path.Combine(dist, "main.js"), "/* cucumber html script */");
        File.WriteAllText(Path.Combine(dist, "main.css"), "/* cucumber html style */");
        return dist;
    }

    [Fact]
    public async Task OnEvent_RunFinished_WritesPageWithEmbeddedMessages()
    {
        var events = await ReportRun.EventsAsync();
        var path = Path.Combine(ReportRun.TempDirectory(), "cucumber-report.html");
        // The installed package when `npm ci --prefix tools/html-formatter` ran, else a stand-in: the page shape is the same.
        var dist = HtmlFormatter.FindDistDirectory() ?? FakeDist();
        var formatter = new HtmlFormatter(path, dist);
        ReportRun.Replay(formatter, events);

        var html = await File.ReadAllTextAsync(path);
        html.Should().StartWith("<!DOCTYPE html>");
        html.Should().Contain("<title>Cucumber</title>");
        html.Should().Contain("window.CUCUMBER_MESSAGES = [{\"meta\":{\"protocolVersion\":\"34.2.1\"");
        html.Should().Contain("\"name\":\"Pool reports\"");
        html.Should().Contain("\"status\":\"FAILED\"");
        html.Should().Contain(File.ReadAllText(Path.Combine(dist, "main.js")));
        html.Should().Contain(File.ReadAllText(Path.Combine(dist, "main.css")));
    }

    [Fact]
    public async Task Render_MessagesWithScriptEnd_EscapesEveryLessThan()
    {
        var events = await ReportRun.EventsAsync();
        var collector = new MessageCollector();
        ReportRun.Replay(collector, events);

        var html = HtmlFormatter.Render(collector.Envelopes, FakeDist());

        var start = html.IndexOf("window.CUCUMBER_MESSAGES = [", StringComparison.Ordinal);
        var end = html.IndexOf("];\n</script>", start, StringComparison.Ordinal);
        var messages = html[start..end];
        messages.Should().NotContain("<", "no message can close the script element");
        messages.Should().Contain("pool gpu-0 is draining \\x3C/script>");
        messages.Should().Contain("drained \\x3Cgpu-0>");
    }

    [Fact]
    public void Render_PackageTemplate_FillsEveryPlaceholderOnce()
    {
        var dist = FakeDist();
        Directory.CreateDirectory(Path.Combine(dist, "src"));
        File.WriteAllText(Path.Combine(dist, "src", "index.mustache"), "<t>{{title}}</t><i>{{icon}}</i><s>{{css}}</s><m>[{{messages}}]</m><j>{{script}}</j>{{custom_script}}");
        File.WriteAllText(Path.Combine(dist, "src", "icon.url"), "data:image/svg+xml;base64,AA==");

        var html = HtmlFormatter.Render(["{\"a\":\"{{script}}\"}", "{\"b\":1}"], dist);

        html.Should().Be("<t>Cucumber</t><i>data:image/svg+xml;base64,AA==</i><s>/* cucumber html style */</s><m>[{\"a\":\"{{script}}\"},{\"b\":1}]</m><j>/* cucumber html script */</j>");
    }

    [Fact]
    public void OnEvent_PackageMissing_WarnsOnceAndWritesNothing()
    {
        var path = Path.Combine(ReportRun.TempDirectory(), "cucumber-report.html");
        var warnings = new StringWriter();
        var formatter = new HtmlFormatter(path, Path.Combine(ReportRun.TempDirectory(), "missing"), warnings);

        formatter.OnEvent(new TestRunStarted(DateTimeOffset.UnixEpoch, "0"));
        formatter.OnEvent(new TestRunFinished(DateTimeOffset.UnixEpoch, "0", true, null));

        formatter.IsAvailable.Should().BeFalse();
        File.Exists(path).Should().BeFalse();
        warnings.ToString().Should().Be(HtmlFormatter.MissingPackageWarning + Environment.NewLine);
        HtmlFormatter.MissingPackageWarning.Should().Be("HTML report skipped: run npm ci --prefix tools/html-formatter");
    }

    [Fact]
    public void FindDistDirectory_PackageAboveStart_FindsIt()
    {
        var root = ReportRun.TempDirectory();
        var dist = Path.Combine(root, HtmlFormatter.DistRelativePath);
        Directory.CreateDirectory(dist);
        File.WriteAllText(Path.Combine(dist, "main.js"), "");
        var start = Path.Combine(root, "src", "Steps", "bin", "Debug", "net10.0");
        Directory.CreateDirectory(start);

        HtmlFormatter.FindDistDirectory(start).Should().Be(dist);
        HtmlFormatter.FindDistDirectory(ReportRun.TempDirectory()).Should().BeNull();
    }
}
