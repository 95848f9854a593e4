using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Policies;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Policies;

/// <summary>The one decision a crash gets: the rate limit, then the circuit, then the backoff.</summary>
public sealed class RestartPolicyTests : IDisposable
{
    private readonly TimerCountingTimeProvider _time = new();
    private readonly RestartPolicy _policy;

    public RestartPolicyTests() => _policy = new RestartPolicy("gpu-0", null, _time, () => 0.5);

    public void Dispose() => _policy.Dispose();

    [Fact]
    public void Decide_FirstCrash_RestartsAfterTheFirstDelayAndEveryRuleCountsIt()
    {
        var decision = _policy.Decide(CrashReason.ProcessExit);

        decision.Should().Be(RestartDecision.RestartAfter(TimeSpan.FromSeconds(1)));
        decision.Should().Be(new RestartDecision(RestartVerdict.RestartAfterDelay, TimeSpan.FromSeconds(1), null, WaitsForCircuit: false),
            "a restart refuses nothing and waits for no circuit");
        _policy.Breaker.GetFailureCount().Should().Be(1);
        _policy.RateLimiter.RestartsInWindow.Should().Be(1);
        _policy.Backoff.ConsecutiveCrashes.Should().Be(1);
    }

    [Fact]
    public void Dispose_DisposesEveryRule()
    {
        _policy.Dispose();

        FluentActions.Invoking(() => _policy.Breaker.RequestRestart()).Should().Throw<ObjectDisposedException>("the circuit breaker is disposed with the policy");
        FluentActions.Invoking(() => _policy.Backoff.RecordStarted()).Should().Throw<ObjectDisposedException>("the backoff is disposed with the policy");
        FluentActions.Invoking(() => _policy.RateLimiter.TryRecordRestart(CrashReason.ProcessExit)).Should().Throw<ObjectDisposedException>("the restart limit is disposed with the policy");
    }

    [Fact]
    public void Decide_RestartNotWanted_OnlyTheCircuitCountsTheFailure()
    {
        var decision = _policy.Decide(CrashReason.ProcessExit, restartWanted: false);

        decision.Verdict.Should().Be(RestartVerdict.NotWanted);
        _policy.Breaker.GetFailureCount().Should().Be(1);
        _policy.RateLimiter.RestartsInWindow.Should().Be(0);
        _policy.Backoff.ConsecutiveCrashes.Should().Be(0);
    }

    [Fact]
    public void Decide_GracefulExit_StopsThePoolAndCountsNothing()
    {
        _policy.Decide(CrashReason.GracefulExit).Should().Be(RestartDecision.Stop);

        _policy.Breaker.GetFailureCount().Should().Be(0);
        _policy.RateLimiter.RestartsInWindow.Should().Be(0);
    }

    [Fact]
    public void Decide_GracefulExitRestartedByOption_RestartsWithoutCountingAFailure()
    {
        using var policy = new RestartPolicy("gpu-0", new RestartPolicyOptions { RestartOnGracefulExit = true }, _time, () => 0.5);

        policy.Decide(CrashReason.GracefulExit).Verdict.Should().Be(RestartVerdict.RestartAfterDelay);
        policy.Breaker.GetFailureCount().Should().Be(0);
    }

    [Fact]
    public void Decide_FifthFailure_OpensTheCircuitAndTheRefusalWaitsForIt()
    {
        var decisions = Enumerable.Range(0, 5).Select(_ => _policy.Decide(CrashReason.ProcessExit)).ToList();

        decisions.Take(4).Should().OnlyContain(d => d.Verdict == RestartVerdict.RestartAfterDelay);
        decisions[4].Should().Be(RestartDecision.Refuse("circuit open", waitsForCircuit: true));
        _policy.Backoff.ConsecutiveCrashes.Should().Be(4, "a refused restart gets no delay");
    }

    [Fact]
    public void Decide_RefusedByTheCircuit_StillCountsInTheRateWindow_SoTheEleventhIsAStorm()
    {
        var decisions = Enumerable.Range(0, 11).Select(_ => _policy.Decide(CrashReason.OutOfMemory)).ToList();

        decisions[9].RefusedBecause.Should().Be("circuit open");
        decisions[10].Should().Be(RestartDecision.Refuse("restart storm: 10 restarts in 60 s", waitsForCircuit: false));
        _policy.Breaker.GetState(CrashReason.OutOfMemory).Should().Be(CircuitState.Open);
    }

    [Fact]
    public void RecordRestart_WithinTheLimit_AllowedAndTheCircuitStaysClosed()
    {
        var decisions = Enumerable.Range(0, 10).Select(_ => _policy.RecordRestart(CrashReason.ProcessExit)).ToList();

        decisions.Should().OnlyContain(d => d.IsAllowed && !d.OpensCircuit);
        _policy.Breaker.GetState().Should().Be(CircuitState.Closed);
    }

    [Fact]
    public void RecordRestart_StormDeclared_OpensTheCircuitOfTheDominantReasonBeforeReturning()
    {
        for (var i = 0; i < 10; i++)
        {
            _policy.RecordRestart(CrashReason.OutOfMemory);
        }

        var refused = _policy.RecordRestart(CrashReason.OutOfMemory);

        refused.IsAllowed.Should().BeFalse();
        refused.Storm!.Value.DominantReason.Should().Be(CrashReason.OutOfMemory);
        _policy.Breaker.GetState(CrashReason.OutOfMemory).Should().Be(CircuitState.Open);
        _policy.TryAdmitProbe().Should().BeFalse("an open circuit admits no restart");
    }

    [Fact]
    public void TryAdmitProbe_AfterTheOpenTime_AdmitsExactlyOneProbe()
    {
        OpenTheCircuit();
        _policy.TryAdmitProbe().Should().BeFalse();

        _time.Advance(TimeSpan.FromSeconds(300));

        _policy.TryAdmitProbe().Should().BeTrue();
        _policy.TryAdmitProbe().Should().BeFalse("the probe is outstanding");
    }

    [Fact]
    public void AllowOneRestart_LetsOneThroughAnOpenCircuit_AndNothingWhileItIsClosed()
    {
        _policy.AllowOneRestart().Should().BeFalse("no circuit refuses a restart");

        OpenTheCircuit();

        _policy.AllowOneRestart().Should().BeTrue();
        _policy.TryAdmitProbe().Should().BeFalse("the allowance was used");
        _policy.Breaker.GetState().Should().Be(CircuitState.Open, "allowing one restart resets nothing");
    }

    [Fact]
    public void ResetCircuit_ClosesTheCircuit_KeepsTheBackoffAndTheRateWindow()
    {
        OpenTheCircuit();

        _policy.ResetCircuit();

        _policy.Breaker.GetState().Should().Be(CircuitState.Closed);
        _policy.Backoff.ConsecutiveCrashes.Should().Be(4);
        _policy.RateLimiter.RestartsInWindow.Should().Be(5);
    }

    [Fact]
    public void EngineStarted_ArmsOneStableRunTimerForEveryRule()
    {
        _policy.Decide(CrashReason.ProcessExit);

        _policy.EngineStarted();

        _time.LiveTimers.Should().Be(1, "one timer measures the stable run for the circuit, the backoff and the rate limit");
    }

    [Fact]
    public void StableRun_EachRuleForgetsTheCrashesAfterItsOwnPeriod()
    {
        CrashThreeTimes();
        _policy.EngineStarted();

        _time.Advance(TimeSpan.FromSeconds(59));
        Counts().Should().Be((3, 3, 3));
        _time.Advance(TimeSpan.FromSeconds(1));
        Counts().Should().Be((0, 3, 3), "the circuit forgets after its 60 s stable run");
        _time.Advance(TimeSpan.FromSeconds(240));
        Counts().Should().Be((0, 0, 3), "the backoff forgets after 300 s");
        _time.Advance(TimeSpan.FromSeconds(300));
        Counts().Should().Be((0, 0, 0), "the rate limit forgets after 600 s");
    }

    [Fact]
    public void StableRun_ACrashAndANewStart_MeasureFromTheNewStart()
    {
        CrashThreeTimes();
        _policy.EngineStarted();
        _time.Advance(TimeSpan.FromSeconds(50));

        _policy.Decide(CrashReason.ProcessExit);
        _policy.EngineStarted();
        _time.Advance(TimeSpan.FromSeconds(50));

        _policy.Breaker.GetFailureCount().Should().Be(4, "the first start is 100 s ago, but the run since the last is 50 s");
        _time.Advance(TimeSpan.FromSeconds(10));
        _policy.Breaker.GetFailureCount().Should().Be(0);
    }

    [Fact]
    public void Constructor_BadInput_Throws()
    {
        FluentActions.Invoking(() => new RestartPolicy(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new RestartPolicy("gpu-0", new RestartPolicyOptions { Backoff = null! }))
            .Should().Throw<ArgumentNullException>().WithParameterName("RestartPolicyOptions.Backoff");
    }

    private void OpenTheCircuit()
    {
        for (var i = 0; i < 5; i++)
        {
            _policy.Decide(CrashReason.ProcessExit);
        }

        _policy.Breaker.GetState().Should().Be(CircuitState.Open);
    }

    private void CrashThreeTimes()
    {
        for (var i = 0; i < 3; i++)
        {
            _policy.Decide(CrashReason.ProcessExit).Verdict.Should().Be(RestartVerdict.RestartAfterDelay);
        }
    }

    private (int Circuit, int Backoff, int RateLimit) Counts() =>
        (_policy.Breaker.GetFailureCount(), _policy.Backoff.ConsecutiveCrashes, _policy.RateLimiter.RestartCount);
}
