using FluentAssertions;
using Runtime.CircuitBreaker;
using Runtime.Crashes;
using Runtime.RestartLimits;
using Runtime.Supervision;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

public sealed class RestartGateTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly RestartRateLimiter _limiter;
    private readonly PoolCircuitBreaker _breaker;
    private readonly RestartGate _gate;

    public RestartGateTests()
    {
        _limiter = new RestartRateLimiter("gpu-0", null, _time);
        _breaker = new PoolCircuitBreaker("gpu-0", null, _time);
        _gate = new RestartGate(_limiter, _breaker);
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _breaker.Dispose();
    }

    [Fact]
    public void TryRecordRestart_WithinTheLimit_AllowedAndTheCircuitStaysClosed()
    {
        var decisions = Enumerable.Range(0, 10).Select(_ => _gate.TryRecordRestart(CrashReason.ProcessExit)).ToList();

        decisions.Should().OnlyContain(d => d.IsAllowed && !d.OpensCircuit);
        _breaker.GetState().Should().Be(CircuitState.Closed);
    }

    [Fact]
    public void TryRecordRestart_StormDeclared_OpensTheCircuitOfTheDominantReasonBeforeReturning()
    {
        for (var i = 0; i < 10; i++)
        {
            _gate.TryRecordRestart(CrashReason.OutOfMemory);
        }

        var refused = _gate.TryRecordRestart(CrashReason.OutOfMemory);

        refused.IsAllowed.Should().BeFalse();
        refused.Storm.Should().NotBeNull();
        refused.Storm!.Value.DominantReason.Should().Be(CrashReason.OutOfMemory);
        _breaker.GetState(CrashReason.OutOfMemory).Should().Be(CircuitState.Open);
        _breaker.RequestRestart().IsAllowed().Should().BeFalse("an open circuit admits no restart");
    }

    [Fact]
    public void Constructor_MissingCollaborator_Throws()
    {
        FluentActions.Invoking(() => new RestartGate(null!, _breaker)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new RestartGate(_limiter, null!)).Should().Throw<ArgumentNullException>();
    }
}
