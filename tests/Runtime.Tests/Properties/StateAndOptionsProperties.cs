using CsCheck;
using FluentAssertions;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Common.Time;
using Xunit;
using Runtime.Common;

namespace Runtime.Tests.Properties;

/// <summary>Property tests (CsCheck): the state file's round trip, and option validation against its stated rules.</summary>
public sealed class StateAndOptionsProperties : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("state-props-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly Gen<string> Text = Gen.String[Gen.Char, 1, 24];

    private static readonly Gen<EngineSpec> Spec =
        Gen.Select(Text, Text.List[0, 4], Text, Text, (command, arguments, model, version) => new EngineSpec(command, arguments, model, version));

    private static readonly Gen<Dictionary<string, string>> Metadata =
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 8], Text).List[0, 3]
            .Select(pairs => pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    private static readonly Gen<PoolSnapshot> Snapshot =
        Gen.Select(Spec, Metadata, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Text.Null(), (spec, metadata, crashes, restarts, error) =>
            new PoolSnapshot("id", spec, metadata, PoolState.Ready, true, true, 0, crashes, restarts, error, 1234, new Uri("http://127.0.0.1:1/")));

    [Fact]
    public void Save_ThenLoad_GivesBackEveryPoolAsSaved()
    {
        var round = 0;
        Snapshot.List[0, 6].Sample(pools =>
        {
            var saved = pools.Select((p, i) => p with { Id = $"pool-{i}" }).ToList();
            var store = new PoolStateStore(Path.Combine(_directory, $"{Interlocked.Increment(ref round)}.json"));

            store.Save(saved);
            var loaded = store.Load();

            loaded.Select(r => $"{r.Id}|{r.Command}|{string.Join('\u0001', r.Arguments!)}|{r.Model}|{r.EngineVersion}|{r.CrashCount}|{r.RestartCount}|{r.LastError ?? "(null)"}")
                .Should().Equal(saved.Select(s => $"{s.Id}|{s.Spec.Command}|{string.Join('\u0001', s.Spec.Arguments)}|{s.Spec.Model}|{s.Spec.EngineVersion}|{s.CrashCount}|{s.RestartCount}|{s.LastError ?? "(null)"}"));
            loaded.Select(r => r.Metadata).Should().BeEquivalentTo(saved.Select(s => s.Metadata));
        }, iter: 300);
    }

    [Fact]
    public void MaxLeasesPerPool_IsAcceptedExactlyWithinItsStatedRange()
    {
        Gen.Int.Sample(n =>
        {
            var act = () => new PoolRegistryOptions { MaxLeasesPerPool = n }.Validate();
            if (n is >= 1 and <= PoolDefaults.MaxLeasesPerPoolLimit)
            {
                act.Should().NotThrow();
            }
            else
            {
                act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(nameof(PoolRegistryOptions.MaxLeasesPerPool));
            }
        }, iter: 2000);
    }

    [Fact]
    public void DrainDeadline_IsAcceptedExactlyFromZeroToTheTimerLimit()
    {
        var registry = new PoolRegistry();
        registry.Register("gpu-0", new EngineSpec("engine", [], "llama-7b-v1", "1.0"));
        using var drains = new DrainCoordinator(registry, NSubstitute.Substitute.For<Runtime.Common.IPoolEngines>());
        Gen.Long[-TimerLimits.Max.Ticks * 2, TimerLimits.Max.Ticks * 2].Sample(ticks =>
        {
            var deadline = TimeSpan.FromTicks(ticks);
            // The pool is Registered, not Ready: a deadline that passes the checks is refused for the state instead.
            Action act = () => drains.DrainAsync("gpu-0", deadline);
            if (deadline >= TimeSpan.Zero && deadline <= TimerLimits.Max)
            {
                act.Should().Throw<InvalidOperationException>().WithMessage("*cannot be drained while Registered*");
            }
            else
            {
                act.Should().Throw<ArgumentOutOfRangeException>();
            }
        }, iter: 2000);
    }
}
