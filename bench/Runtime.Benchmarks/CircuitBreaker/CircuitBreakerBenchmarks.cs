using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Polly;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using PollyBreakerOptions = Polly.CircuitBreaker.CircuitBreakerStrategyOptions<int>;

namespace Runtime.Benchmarks.CircuitBreaker;

/// <summary>
/// A pool's circuit breaker against Polly.Core's circuit-breaker strategy, like for like, in one run. Each call on
/// either side is the full path: admission (may the call go ahead?), the same no-op, and the outcome recorded (a
/// negative result is a failure). Ours, as the supervisor calls it per restart: <see cref="PoolCircuitBreaker.RequestRestart"/>,
/// the no-op, then <see cref="PoolCircuitBreaker.RecordFailure"/> (the engine crashed) or
/// <see cref="PoolCircuitBreaker.RecordStarted"/> (it is ready: the stable run's timer is armed). Polly's:
/// <c>ResiliencePipeline&lt;int&gt;.Execute</c> of the no-op through <c>AddCircuitBreaker</c>, whose
/// <c>ShouldHandle</c> counts the same negative result as a failure. Both breakers stay closed throughout: ours forgets
/// failures only after a stable run (60 s), so the breaker of the failing path opens only at <see cref="int.MaxValue"/>
/// failures; Polly's opens on a failure ratio of 1.0 over at least 5 calls in 60 s, and every failure is followed by a
/// success. Both on the system clock.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CircuitBreakerBenchmarks
{
    private const int Success = 42;
    private const int Failure = -1;
    private const int Refused = int.MinValue;

    private PoolCircuitBreaker _quiet = null!;
    private PoolCircuitBreaker _failing = null!;
    private ResiliencePipeline<int> _pollyQuiet = null!;
    private ResiliencePipeline<int> _pollyFailing = null!;

    /// <summary>One breaker and one Polly pipeline per path, so that the failure path never touches the quiet one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _quiet = new PoolCircuitBreaker("gpu-0");
        _failing = new PoolCircuitBreaker("gpu-1", new CircuitBreakerOptions { FailureThreshold = int.MaxValue });
        _pollyQuiet = PollyBreaker();
        _pollyFailing = PollyBreaker();
    }

    /// <summary>Releases our breakers; fails the run if one opened (a refused call would have measured less than the full path).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_quiet.State != CircuitState.Closed || _failing.State != CircuitState.Closed)
        {
            throw new InvalidOperationException("A breaker opened during the benchmark: its calls were refused, not measured.");
        }

        _quiet.Dispose();
        _failing.Dispose();
    }

    /// <summary>One succeeding call through our breaker, closed with no failure counted: the engine started and is ready.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("success")]
    public int Ours_Success() => Call(_quiet, Success);

    /// <summary>One succeeding call through Polly's circuit breaker, closed.</summary>
    [Benchmark]
    [BenchmarkCategory("success")]
    public int Polly_Success() => _pollyQuiet.Execute(static () => NoOp(Success));

    /// <summary>Two calls through our breaker: one fails (counted, under the lock), the next starts (the stable run armed).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("failure, then success")]
    public int Ours_FailureThenSuccess() => Call(_failing, Failure) + Call(_failing, Success);

    /// <summary>The same two calls through Polly's circuit breaker: a handled failure, then a success.</summary>
    [Benchmark]
    [BenchmarkCategory("failure, then success")]
    public int Polly_FailureThenSuccess() =>
        _pollyFailing.Execute(static () => NoOp(Failure)) + _pollyFailing.Execute(static () => NoOp(Success));

    /// <summary>Admission, the no-op, and the outcome recorded: what a caller of our breaker does per call.</summary>
    private static int Call(PoolCircuitBreaker breaker, int result)
    {
        if (!breaker.RequestRestart().IsAllowed())
        {
            return Refused;
        }

        var outcome = NoOp(result);
        if (outcome < 0)
        {
            breaker.RecordFailure(CrashReason.ProcessExit);
        }
        else
        {
            breaker.RecordStarted();
        }

        return outcome;
    }

    private static ResiliencePipeline<int> PollyBreaker() => new ResiliencePipelineBuilder<int>()
        .AddCircuitBreaker(new PollyBreakerOptions
        {
            FailureRatio = 1.0,
            MinimumThroughput = 5,
            SamplingDuration = TimeSpan.FromSeconds(60),
            BreakDuration = TimeSpan.FromSeconds(300),
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Result < 0),
        })
        .Build();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NoOp(int result) => result;
}
