using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Tests.Supervision.Engines;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

/// <summary>
/// The state file survives <c>kill -9</c> of the process writing it, at any point: a real child process
/// (manager-host --write-state) saves without pause and acknowledges each save once it returned; it is killed
/// after a varying number of acknowledgements, so the kill lands at every stage of a save.
/// </summary>
public sealed class PoolStateCrashSafetyTests : IDisposable
{
    private const int Rounds = 40;
    private readonly string _directory = Directory.CreateTempSubdirectory("state-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Save_WriterKilledMidWrite_LosesNoAcknowledgedSaveAndNeverLeavesHalfAFile()
    {
        var outcomes = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var path = Path.Combine(_directory, $"round-{round}", "pools.json");
            var acknowledged = await RunAndKillAsync(path, killAfter: 1 + (round * 7 % 23));

            var act = () => new PoolStateStore(path).Load();

            var pools = act.Should().NotThrow($"round {round}: a killed writer must leave the old file or the new one, never half of one").Subject;
            pools.Count.Should().BeGreaterThanOrEqualTo(acknowledged, $"round {round}: every save acknowledged before the kill is on disk");
            pools.Select(p => p.Id).Should().Equal(Enumerable.Range(1, pools.Count).Select(n => $"pool-{n}").Order(StringComparer.Ordinal), $"round {round}: the file holds whole saves only");
            Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp").Should().BeEmpty($"round {round}: loading deletes the temporary files of the killed writer");
            outcomes.Add($"{acknowledged}/{pools.Count}");
        }

        outcomes.Should().HaveCount(Rounds);
    }

    private static async Task<int> RunAndKillAsync(string path, int killAfter)
    {
        var info = new ProcessStartInfo(EngineStubCommand.DotNet) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "manager-host.dll"), "--write-state", path])
        {
            info.ArgumentList.Add(argument);
        }

        using var writer = Process.Start(info)!;
        var acknowledged = 0;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (acknowledged < killAfter && await writer.StandardOutput.ReadLineAsync(bound.Token) is { } line)
            {
                acknowledged = int.Parse(line["saved ".Length..], CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            SignalSender.Send(writer.Id, Signals.SIGKILL);
            await writer.WaitForExitAsync(CancellationToken.None);
        }

        // Lines written before the kill and not read yet are acknowledgements too.
        while (await writer.StandardOutput.ReadLineAsync(CancellationToken.None) is { } rest)
        {
            acknowledged = int.Parse(rest["saved ".Length..], CultureInfo.InvariantCulture);
        }

        return acknowledged;
    }
}
