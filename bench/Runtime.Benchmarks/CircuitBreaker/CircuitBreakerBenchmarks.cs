using BenchmarkDotNet.Attributes;
using Polly;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using PollyBreakerOptions = Polly.CircuitBreaker.CircuitBreakerStrategyOptions;

namespace Runtime.Benchmarks.CircuitBreaker;

/// <summary>
/// The cost of asking a pool's circuit breaker before a restart and reporting success after it, around a no-op
/// call, against Polly.Core's circuit breaker around the same call, in the same run. The decision must be
/// cheap: it sits on every restart path. Expected: a few ns and 0 B for the closed, quiet breaker.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CircuitBreakerBenchmarks
{
    private PoolCircuitBreaker _quiet = null!;
    private PoolCircuitBreaker _counting = null!;
    private ResiliencePipeline _polly = null!;

    /// <summary>Two breakers on the system clock (one with a failure counted, so it takes the locked path) and a Polly pipeline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _quiet = new PoolCircuitBreaker("gpu-0");
        _counting = new PoolCircuitBreaker("gpu-1");
        _polly = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new PollyBreakerOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(300),
            })
            .Build();
    }

    /// <summary>Releases the breakers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _quiet.Dispose();
        _counting.Dispose();
    }

    /// <summary>Allow + no-op + record success on a closed breaker with no failure counted (the lock-free path).</summary>
    [Benchmark(Baseline = true)]
    public int PoolBreaker_AllowAndRecordSuccess()
    {
        if (!_quiet.TryAcquireRestart())
        {
            return -1;
        }

        var result = NoOp();
        _quiet.RecordSuccess();
        return result;
    }

    /// <summary>Record a failure, then allow + no-op + record success: the locked path of a closed breaker.</summary>
    [Benchmark]
    public int PoolBreaker_FailureThenAllowAndRecordSuccess()
    {
        _counting.RecordFailure(CrashReason.ProcessExit);
        if (!_counting.TryAcquireRestart())
        {
            return -1;
        }

        var result = NoOp();
        _counting.RecordSuccess();
        return result;
    }

    /// <summary>Polly.Core's circuit breaker executing the same no-op call.</summary>
    [Benchmark]
    public int Polly_CircuitBreakerExecute() => _polly.Execute(static () => NoOp());

    private static int NoOp() => 42;
}
