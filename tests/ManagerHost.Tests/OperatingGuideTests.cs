using System.Text.RegularExpressions;
using FluentAssertions;
using Runtime.Supervision.Engines;
using Xunit;

namespace ManagerHost.Tests;

/// <summary>
/// docs/operating.md's commands, run as a reader runs them: the manager with its sample configuration (only the port,
/// a free one, and the state file, in a temporary folder, differ), and the guide's bash block against it. Both
/// processes are started through the runtime's launcher, so they die with the test host, SIGKILL included.
/// </summary>
public sealed partial class OperatingGuideTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly EngineLauncher _launcher = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("operating-guide-").FullName;
    private readonly List<string> _manager = [];

    [Fact]
    public async Task TheGuidesCommands_AgainstTheSampleConfiguration_ReloadAndDrainItsPool()
    {
        var manager = _launcher.Start(new EngineLaunchRequest(DotNet(), [
            Path.Combine(AppContext.BaseDirectory, "manager-host.dll"),
            "--Manager:Url=http://127.0.0.1:0",
            $"--Manager:StateFile={Path.Combine(_folder, "pools.json")}",
        ]) { OnOutput = line => Remember(_manager, line.Text) });
        var url = await manager.Listening.WaitAsync(Bound);
        List<string> output = [];

        var guide = _launcher.Start(new EngineLaunchRequest("bash", ["-euo", "pipefail", "-c", GuideCommands()])
        {
            Environment = new Dictionary<string, string> { ["MANAGER"] = url.ToString().TrimEnd('/'), ["no_proxy"] = "127.0.0.1,localhost" },
            OnOutput = line => Remember(output, line.Text),
        });
        var exit = await guide.Exited.WaitAsync(Bound);

        var text = string.Join('\n', output);
        exit.ExitCode.Should().Be(0, $"every command of the guide should succeed; it wrote:\n{text}\nthe manager wrote:\n{string.Join('\n', _manager)}");
        text.Should().Contain("\"outcome\":\"serves llama-7b-v2 on engine 1.0\"", "the guide reloads gpu-0 to llama-7b-v2")
            .And.Contain("\"outcome\":\"serves llama-7b-v3 on engine 1.0 (surge: the new engine started beside the old one, nothing was refused)\"",
                "the guide reloads gpu-0 again by a surge, which the sample configuration has room for")
            .And.Contain("\"outcome\":\"pool gpu-0 drained in", "the guide drains gpu-0")
            .And.Contain("\"state\":\"Stopped\"", "a drained pool is stopped")
            .And.Contain("\"detail\":\"pool gpu-0 cannot be drained while Stopped\"", "draining it again is refused as problem details")
            .And.Contain("runtime_reload_successes_total{", "the metrics count the reload");
    }

    public void Dispose()
    {
        _launcher.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The bash block between the guide's markers.</summary>
    private static string GuideCommands()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operating.md"));
        var block = GuideBlock().Match(guide);
        block.Success.Should().BeTrue("docs/operating.md should hold its commands between the operating-guide markers");
        return block.Groups["commands"].Value;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "docs", "operating.md")))
            {
                return directory.FullName;
            }
        }

        throw new FileNotFoundException($"docs/operating.md is in no directory above {AppContext.BaseDirectory}");
    }

    private static string DotNet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static void Remember(List<string> lines, string line)
    {
        lock (lines)
        {
            lines.Add(line);
        }
    }

    [GeneratedRegex(@"<!-- operating-guide:begin -->\s*```bash\n(?<commands>.*?)```\s*<!-- operating-guide:end -->", RegexOptions.Singleline)]
    private static partial Regex GuideBlock();
}
