using System.Diagnostics.Metrics;
using FluentAssertions;
using Runtime.Supervision.Backoff;
using NSubstitute;
using Runtime.Supervision.CircuitBreaker;
using Runtime.ExecutionContexts;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.RestartLimits;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;
using Runtime.Common;

namespace Runtime.Tests.Supervision;

/// <summary>
/// The backoff, the circuit breaker, the restart-rate limiter, the drain coordinator, the supervisor and the context factory, alike: the instruments they publish (units and
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
        { "context factory", f => new ContextFactory(new ContextFactoryOptions { MeterFactory = f }) },
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
            MeterOwnership.Instruments(() => new ContextFactory()),
        }.SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value);

        published.Should().Equal(new Dictionary<string, (string?, string?)>
        {
            [TelemetryNames.BackoffDelay] = ("s", "Delay before a scheduled engine restart."),
            [TelemetryNames.RestartsScheduled] = ("{restart}", "Engine restarts scheduled by the backoff."),
            [TelemetryNames.CircuitOpenings] = ("{open}", "Transitions of a pool's restart circuit to open."),
            [TelemetryNames.CircuitState] = ("{state}", "State of a pool's restart circuit: 0 closed, 1 open, 2 half-open."),
            [TelemetryNames.RestartStorms] = ("{storm}", "Restart storms of a pool."),
            [TelemetryNames.RestartRate] = ("{restart}", "Restarts of a pool within the sliding window."),
            [TelemetryNames.DrainDuration] = ("s", "Time from drain start to its end."),
            [TelemetryNames.EngineCrashes] = ("{crash}", "Engine crashes by pool and reason."),
            [TelemetryNames.EngineRestarts] = ("{restart}", "Engine restarts by pool."),
            [TelemetryNames.ContextFaults] = ("{fault}", "Backend failures contained by a context."),
            [TelemetryNames.ContextBudgetRefusals] = ("{refusal}", "Requests and allocations refused by a context's budget."),
            [TelemetryNames.ContextForbiddenAttempts] = ("{attempt}", "Attempts by another tenant to use or read a context."),
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

    [Fact]
    public void ASupervisorDisposedGracefully_WithoutAMeterFactory_EndsItsPrivateMeter()
    {
        var (published, ended) = MeterOwnership.EndedOnDispose(() => new DisposedGracefully(new Supervisor(new PoolRegistry(), Substitute.For<IEngineLauncher>())));

        published.Should().BePositive();
        ended.Should().Be(published, "DisposeAsync releases what Dispose does, once the engines have stopped");
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

    /// <summary>Disposes <paramref name="inner"/> through its <see cref="IAsyncDisposable.DisposeAsync"/>.</summary>
    private sealed class DisposedGracefully(IAsyncDisposable inner) : IDisposable
    {
        public void Dispose() => inner.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
