using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Runtime.Tests.Supervision.CircuitBreaker;

/// <summary>A breaker of pool gpu-0 on a manual clock, with a recording logger, a scoped meter factory and its transitions.</summary>
public abstract class PoolCircuitBreakerFixture : IDisposable
{
    protected readonly FakeTimeProvider _time = TestClock.New();
    protected readonly RecordingLogger _logger = new();
    protected readonly ScopedMeterFactory _meters = new();
    protected readonly List<CircuitStateChange> _changes = [];
    protected PoolCircuitBreaker? _breaker;

    protected PoolCircuitBreaker Breaker => _breaker ??= Create();

    public void Dispose()
    {
        _breaker?.Dispose();
        _meters.Dispose();
        GC.SuppressFinalize(this);
    }

    protected PoolCircuitBreaker Create(CircuitBreakerOptions? options = null)
    {
        var breaker = new PoolCircuitBreaker("gpu-0", options, _time, _logger, _meters);
        breaker.StateChanged += (_, c) => _changes.Add(c);
        return breaker;
    }

    protected void Fail(int times, CrashReason reason = CrashReason.ProcessExit)
    {
        for (var i = 0; i < times; i++)
        {
            Breaker.RecordFailure(reason);
        }
    }

    protected void OpenThenWait()
    {
        Fail(5);
        _time.Advance(TimeSpan.FromSeconds(300));
    }
}
