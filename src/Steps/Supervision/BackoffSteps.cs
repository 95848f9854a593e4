using System.Globalization;
using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.Crashes;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The restart delay of a pool: crashes, jitter, minimum delay, reset, and its log and metrics.</summary>
[Binding]
public sealed class BackoffSteps(PolicyDriver policies)
{
    [Given("the engine of pool {word} has crashed {int} time(s) in a row")]
    public void GivenTheEngineHasCrashed(string pool, int times)
    {
        for (var i = 0; i < times; i++)
        {
            policies.Pool(pool).Crash(CrashReason.ProcessExit);
        }
    }

    [Given("restarts are jittered by {jitter}")]
    public void GivenRestartsAreJittered(Jitter jitter) => policies.Jitter(jitter.Fraction);

    /// <summary>"+5%" → 0.05, "-10%" → -0.1.</summary>
    [StepArgumentTransformation(@"([+-]\d+(?:\.\d+)?%)", Name = "jitter")]
    public static Jitter ToJitter(string text) =>
        new(double.Parse(text.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) / 100);

    [Given("pool {word} waits at least {int} second(s) before any restart")]
    public void GivenAMinimumDelay(string pool, int seconds) =>
        policies.Configure(pool, p => p.BackoffOptions.MinimumDelay = TimeSpan.FromSeconds(seconds));

    [When("the engine of pool {word} crashes with {crashCause}")]
    public void WhenTheEngineCrashes(string pool, CrashCause cause) => policies.Pool(pool).Crash(cause.Reason);

    [When("the operator resets the restart backoff of pool {word}")]
    public void WhenTheOperatorResetsTheBackoff(string pool) => policies.Pool(pool).Backoff.Reset();

    [Then("the restart of pool {word} is scheduled in {int} second(s)")]
    public void ThenTheRestartIsScheduledInSeconds(string pool, int seconds) =>
        LastDecision(pool).Delay.Should().Be(TimeSpan.FromSeconds(seconds), $"pool {pool} should restart its engine {seconds} s after the crash");

    [Then("the restart of pool {word} is scheduled in {int} millisecond(s)")]
    public void ThenTheRestartIsScheduledInMilliseconds(string pool, int milliseconds) =>
        LastDecision(pool).Delay.TotalMilliseconds.Should().BeApproximately(milliseconds, 0.001, $"pool {pool} should restart its engine {milliseconds} ms after the crash");

    [Then("the scheduled restart of pool {word} counts {int} consecutive crashes")]
    public void ThenTheScheduledRestartCounts(string pool, int crashes) =>
        LastDecision(pool).CrashCount.Should().Be(crashes, $"pool {pool} should count {crashes} consecutive crashes");

    [Then("pool {word} counts {int} crash(es) in a row")]
    public void ThenThePoolCountsCrashes(string pool, int crashes) =>
        policies.Pool(pool).Backoff.ConsecutiveCrashes.Should().Be(crashes, $"pool {pool} should count {crashes} consecutive crashes");

    [Then("the supervisor logs the restart it scheduled for pool {word}:")]
    public void ThenTheLogShowsTheRestart(string pool, Table restart)
    {
        var row = restart.Rows.Single();
        int Seconds(string text) => int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        var entry = policies.Log.WithEvent("RestartScheduled").LastOrDefault(e => Equals(e["PoolId"], pool));
        entry.Should().NotBeNull($"a RestartScheduled event should be logged for pool {pool}");
        entry!.Fields.Should().Contain(new Dictionary<string, object?>
        {
            ["CrashCount"] = int.Parse(row["crashes in a row"], CultureInfo.InvariantCulture),
            ["CrashReason"] = CrashReasonNames.GetName(PolicyDriver.ParseCause(row["last crash"])),
            ["DelayMs"] = Seconds(row["delay"]) * 1000.0,
            ["NextRestartAt"] = policies.Clock.Time.GetUtcNow().AddSeconds(Seconds(row["restarts"])),
        }, $"the log should say when pool {pool} restarts and why");
    }

    [Then("the runtime.restart.backoff.delay histogram of pool {word} records {int} seconds for crash reason {word}")]
    public void ThenTheDelayHistogramRecords(string pool, int seconds, string reason) =>
        policies.Metrics.For("runtime.restart.backoff.delay", pool).Select(m => (m.Value, m.Tag("crash.reason")))
            .Should().Equal([((double)seconds, reason)], $"pool {pool} should measure one delay of {seconds} s after {reason}");

    [Then("the runtime.restart.scheduled counter of pool {word} counts {int} for crash reason {word}")]
    public void ThenTheScheduledCounterCounts(string pool, int count, string reason) =>
        policies.Metrics.For("runtime.restart.scheduled", pool).Where(m => m.Tag("crash.reason") == reason).Sum(m => m.Value)
            .Should().Be(count, $"pool {pool} should count {count} restarts scheduled after {reason}");

    [Then("pool {word} announces that its restart delay was reset {resetCause}, forgetting {int} crash(es) in a row")]
    public void ThenTheResetIsAnnounced(string pool, string cause, int crashes)
    {
        policies.Pool(pool).DelayResets.Select(r => (r.PoolId, r.Cause, r.ForgottenCrashes))
            .Should().Equal([(pool, cause, crashes)], $"pool {pool} should announce one reset of its restart delay");
        policies.Log.WithEvent("BackoffReset").Select(e => (e["PoolId"], e["Cause"], e["CrashCount"]))
            .Should().Equal([((object?)pool, (object?)cause, (object?)crashes)], $"pool {pool} should log the reset and its cause");
    }

    [Then("pool {word} announces no reset of its restart delay")]
    public void ThenNoResetIsAnnounced(string pool)
    {
        policies.Pool(pool).DelayResets.Should().BeEmpty($"pool {pool} had no crash to forget");
        policies.Log.WithEvent("BackoffReset").Should().BeEmpty($"pool {pool} had no crash to forget");
    }

    /// <summary>"after a stable run" → "stable", "by the operator" → "manual": the cause the backoff gives.</summary>
    [StepArgumentTransformation("(after a stable run|by the operator)", Name = "resetCause")]
    public static string ToResetCause(string text) => text == "by the operator" ? "manual" : "stable";

    private BackoffDecision LastDecision(string pool)
    {
        var decisions = policies.Pool(pool).Decisions;
        decisions.Should().NotBeEmpty($"pool {pool} should have scheduled a restart");
        return decisions[^1];
    }
}

/// <summary>A jitter as a step says it ("+5%"): the fraction by which a delay comes out late (negative: early).</summary>
public sealed record Jitter(double Fraction);
