using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Crashes;
using Runtime.Supervision;
using Steps.Drivers;
using Steps.Time;

namespace Steps.Supervision;

/// <summary>The crashes the supervisor recorded.</summary>
[Binding]
public sealed class CrashSteps(PoolDriver pools, EngineDriver engines)
{
    [Then("the crash of pool {word} is recorded as {word}")]
    public async Task RecordedAs(string pool, string reason)
    {
        var crash = await CrashOf(pool);
        crash.ReasonName.Should().Be(reason, $"the crash of pool {pool} ({crash.Detail}) should be classified as {reason}");
    }

    [Then("the crash of pool {word} names engine version {word}, an uptime of {int} seconds and exit code {int}")]
    public async Task Names(string pool, string version, int uptime, int code)
    {
        var crash = await CrashOf(pool);
        crash.Should().Match<CrashEvent>(c => c.PoolId == pool && c.EngineVersion == version && c.ExitCode == code && c.Signal == null, $"the crash was {crash}");
        crash.Uptime.Should().Be(TimeSpan.FromSeconds(uptime), $"the engine of pool {pool} ran {uptime} s before it crashed");
        crash.At.Should().Be(ScenarioClock.Start + TimeSpan.FromSeconds(uptime), $"the crash of pool {pool} should carry the time it happened");
    }

    [Then("the supervisor logs the crash of pool {word} with engine version {word}, an uptime of {int} seconds and exit code {int}")]
    public async Task Logged(string pool, string version, int uptime, int code)
    {
        await CrashOf(pool);
        pools.Logger.WithEvent("EngineCrashed").Select(e => (e["PoolId"], e["EngineVersion"], e["UptimeSeconds"], e["ExitCode"]))
            .Should().Equal(new (object?, object?, object?, object?)[] { (pool, version, (double)uptime, code) }, $"the supervisor's log should name the crashed engine of pool {pool}, its version, uptime and exit code");
    }

    [Then("the runtime.engine.crashes counter of pool {word} counts {int} for crash reason {word}")]
    public async Task CrashCounter(string pool, int count, string reason)
    {
        await CrashOf(pool);
        pools.Metrics.For("runtime.engine.crashes", pool).Where(m => m.Tag("crash.reason") == reason)
            .Sum(m => m.Value).Should().Be(count, $"pool {pool} should count {count} crashes for {reason}");
    }

    private async Task<CrashEvent> CrashOf(string pool)
    {
        await pools.WaitUntil(() => Crashes(pool).Count > 0, $"a crash of pool {pool}");
        return Crashes(pool)[0];
    }

    private IReadOnlyList<CrashEvent> Crashes(string pool) => engines.CrashesOf(pool);
}
