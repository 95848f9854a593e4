using System.Diagnostics.Metrics;
using FluentAssertions;
using Runtime.Backoff;
using NSubstitute;
using Runtime.CircuitBreaker;
using Runtime.Drain;
using Runtime.Engines;
using Runtime.Pools;
using Runtime.RestartLimits;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>
/// The backoff, the circuit breaker, the restart-rate limiter, the drain coordinator and the supervisor, alike: the instruments they publish (units and
/// descriptions are what a dashboard shows), whose meter they end when disposed, and what they refuse to be built from.
/// </summary>
public sealed class MetersAndConstructionTests : IDisposable
{
    private readonly ScopedMeterFactory _factory = new();

    public static TheoryData<string, Func<IMeterFactory?, IDisposable>> Components => new()
    {
        { "backoff", f => new RestartBackoff("gpu-0", null, TestClock.New(), () => 0.5, null, f) },
        { "circuit breaker", f => new PoolCircuitBreaker("gpu-0", null, TestClock.New(), null, f) },
        { "restart-rate limiter", f => new RestartRateLimiter("gpu-0", null, TestClock.New(), null, f) },
        { "drain coordinator", f => new DrainCoordinator(new PoolRegistry(), Substitute.For<IPoolEngines>(), new DrainOptions { MeterFactory = f }) },
        { "supervisor", f => new Supervisor(new PoolRegistry(), Substitute.For<IEngineLauncher>(), new SupervisorOptions { MeterFactory = f }) },
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Instruments_CarryTheirUnitsAndDescriptions()
    {
        var published = new[]
        {
            MeterOwnership.Instruments(() => new RestartBackoff("gpu-0", null, TestClock.New())),
            MeterOwnership.Instruments(() => new PoolCircuitBreaker("gpu-0", null, TestClock.New())),
            MeterOwnership.Instruments(() => new RestartRateLimiter("gpu-0", null, TestClock.New())),
            MeterOwnership.Instruments(() => new DrainCoordinator(new PoolRegistry(), Substitute.For<IPoolEngines>())),
            MeterOwnership.Instruments(() => new Supervisor(new PoolRegistry(), Substitute.For<IEngineLauncher>())),
        }.SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value);

        published.Should().Equal(new Dictionary<string, (string?, string?)>
        {
            ["backoff_delay_ms"] = ("ms", "Delay before a scheduled engine restart."),
            ["restart_scheduled_total"] = ("{restart}", "Engine restarts scheduled by the backoff."),
            ["circuit_breaker_open_total"] = ("{open}", "Transitions of a pool's restart circuit to open."),
            ["circuit_breaker_state"] = ("{state}", "State of a pool's restart circuit: 0 closed, 1 open, 2 half-open."),
            ["restart_storm_total"] = ("{storm}", "Restart storms of a pool."),
            ["restart_rate"] = ("{restart}", "Restarts of a pool within the sliding window."),
            ["drain_duration_ms"] = ("ms", "Time from drain start to its end."),
            [SupervisionDefaults.CrashCounterName] = ("{crash}", "Engine crashes by pool and reason."),
            [SupervisionDefaults.RestartCounterName] = ("{restart}", "Engine restarts by pool."),
        });
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Disposed_WithoutAMeterFactory_EndsItsPrivateMeter(string component, Func<IMeterFactory?, IDisposable> create)
    {
        var (published, ended) = MeterOwnership.EndedOnDispose(() => create(null));

        published.Should().BePositive();
        ended.Should().Be(published, $"the {component} created its meter, so it ends it");
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Disposed_WithAMeterFactory_LeavesTheFactorysMeterToOthers(string component, Func<IMeterFactory?, IDisposable> create)
    {
        var (published, ended) = MeterOwnership.EndedOnDispose(() => create(_factory));

        published.Should().BePositive();
        ended.Should().Be(0, $"the factory's meter outlives one {component}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void APoolIdIsRequired(string? poolId)
    {
        var builders = new Action[]
        {
            () => new RestartBackoff(poolId!),
            () => new PoolCircuitBreaker(poolId!),
            () => new RestartRateLimiter(poolId!),
        };

        builders.Should().AllSatisfy(build => build.Should().Throw<ArgumentException>().WithParameterName("poolId"));
    }

    [Fact]
    public void InvalidOptions_AreRefusedWhenBuilt()
    {
        var builders = new Action[]
        {
            () => new RestartBackoff("gpu-0", new RestartBackoffOptions { Multiplier = 0.5 }),
            () => new PoolCircuitBreaker("gpu-0", new CircuitBreakerOptions { FailureThreshold = 0 }),
            () => new RestartRateLimiter("gpu-0", new RestartRateLimiterOptions { MaxRestarts = 0 }),
        };

        builders.Should().AllSatisfy(build => build.Should().Throw<ArgumentException>());
    }
}
