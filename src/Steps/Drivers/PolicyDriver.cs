using Runtime.Supervision.Backoff;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Policies;
using Runtime.Supervision.RestartLimits;
using Steps.Time;

namespace Steps.Drivers;

/// <summary>
/// Owns the restart policies of a scenario's pools (backoff, circuit breaker, restart-rate limiter), built on the
/// scenario clock with one <see cref="PolicyLogger"/> and one <see cref="PolicyMetrics"/>. Options are set by Given
/// steps before a pool's policies are first used; they are then built on demand. The jitter draws the middle of its
/// range (no jitter) unless a scenario says otherwise. Disposing it disposes every policy.
/// </summary>
public sealed class PolicyDriver(ScenarioClock clock) : IDisposable
{
    private readonly Dictionary<string, PoolPolicies> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _models = new(StringComparer.Ordinal);
    private double _jitterDraw = 0.5;

    /// <summary>The scenario clock.</summary>
    public ScenarioClock Clock => clock;

    /// <summary>Every policy log event of the scenario.</summary>
    public PolicyLogger Log { get; } = new();

    /// <summary>The scenario's meter factory and listener.</summary>
    public PolicyMetrics Metrics { get; } = new();

    /// <summary>Backoff options used for pools built from now on.</summary>
    public RestartBackoffOptions BackoffOptions { get; } = new();

    /// <summary>Circuit breaker options used for pools built from now on.</summary>
    public CircuitBreakerOptions BreakerOptions { get; } = new();

    /// <summary>Restart-rate options used for pools built from now on.</summary>
    public RestartRateLimiterOptions LimiterOptions { get; } = new();

    /// <summary>The policies built so far, one per pool used by the scenario.</summary>
    public IEnumerable<PoolPolicies> PoolsInUse => _pools.Values;

    /// <summary>Declares pool <paramref name="poolId"/> serving <paramref name="model"/> under the default policies.</summary>
    public void Supervise(string poolId, string model) => _models[poolId] = model;

    /// <summary>
    /// Makes the next delays come out <paramref name="fraction"/> late (+0.05 is 5% late, -0.1 is 10% early): the
    /// random draw that gives that jitter under the backoff's jitter factor.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the jitter is outside what the factor allows, [-f, +f).</exception>
    public void Jitter(double fraction)
    {
        var factor = BackoffOptions.JitterFactor;
        if (factor == 0 || fraction < -factor || fraction >= factor)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"the jitter can only be from -{factor:P0} to just under +{factor:P0}");
        }

        _jitterDraw = (fraction / factor + 1) / 2;
    }

    /// <summary>Changes the options of pool <paramref name="poolId"/>; refused once its policies exist.</summary>
    public void Configure(string poolId, Action<PolicyDriver> change)
    {
        if (_pools.ContainsKey(poolId))
        {
            throw new InvalidOperationException($"the restart policies of pool {poolId} are already in use; configure them before its first crash");
        }

        change(this);
    }

    /// <summary>The policies of pool <paramref name="poolId"/>, built on first use.</summary>
    public PoolPolicies Pool(string poolId)
    {
        if (!_models.ContainsKey(poolId))
        {
            throw new InvalidOperationException($"pool {poolId} is not supervised in this scenario");
        }

        if (!_pools.TryGetValue(poolId, out var policies))
        {
            var options = new RestartPolicyOptions { Backoff = BackoffOptions, CircuitBreaker = BreakerOptions, RestartLimits = LimiterOptions };
            policies = new PoolPolicies(
                new RestartPolicy(poolId, options, clock.Time, () => _jitterDraw, Log, Metrics),
                clock.Time,
                BreakerOptions.FailureThreshold);
            _pools.Add(poolId, policies);
        }

        return policies;
    }

    /// <summary>Maps the business wording of a crash ("out of memory", "a driver error" ...) to its reason.</summary>
    public static CrashReason ParseCause(string cause) => cause switch
    {
        "a non-zero exit code" => CrashReason.ProcessExit,
        "a signal" => CrashReason.Signal,
        "out of memory" => CrashReason.OutOfMemory,
        "a driver error" => CrashReason.DriverError,
        "a failed health check" => CrashReason.HealthCheckFailure,
        "a startup failure" => CrashReason.StartupFailure,
        "a graceful exit" => CrashReason.GracefulExit,
        _ => throw new ArgumentException($"unknown crash cause '{cause}'", nameof(cause)),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var policies in _pools.Values)
        {
            policies.Dispose();
        }

        Metrics.Dispose();
    }
}
