namespace Runtime.Common.Telemetry;

/// <summary>
/// The runtime's one meter, its instruments and its tags, named as the OpenTelemetry semantic conventions name them:
/// dotted lowercase names, the unit in the instrument's unit field (durations in seconds), no <c>_total</c>.
/// docs/metrics.md lists each with the name a Prometheus exporter shows (<c>runtime_engine_crashes_total</c>,
/// <c>runtime_drain_duration_seconds</c>; tag <c>crash.reason</c> becomes label <c>crash_reason</c>). Every component
/// creates the meter through the <see cref="System.Diagnostics.Metrics.IMeterFactory"/> it is given, so that a listener
/// can keep to one factory's instruments; without one it owns a private meter.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The meter every component of the runtime publishes on.</summary>
    public const string Meter = "Runtime";

    /// <summary>Tag: the pool's id.</summary>
    public const string PoolTag = "pool";

    /// <summary>Tag: the crash reason, as <c>CrashReasonNames</c> spells it (<c>process_exit</c>, <c>out_of_memory</c>, ...).</summary>
    public const string CrashReasonTag = "crash.reason";

    /// <summary>Tag: how a drain ended (<c>completed</c>, <c>force_stopped</c>, <c>timed_out</c>).</summary>
    public const string DrainStatusTag = "drain.status";

    /// <summary>Tag: how a reload ended, its status lower-cased (<c>reloaded</c>, <c>alreadycurrent</c>, <c>refused</c>, <c>failed</c>).</summary>
    public const string ReloadOutcomeTag = "reload.outcome";

    /// <summary>Tag: how a reload replaced the engine, <c>drain_first</c> (also a surge that fell back) or <c>surge</c>.</summary>
    public const string ReloadStrategyTag = "reload.strategy";

    /// <summary>Tag: the step a reload failed at (<c>drain_timeout</c>, <c>stage</c>, <c>start_new</c>, <c>health_check</c>, <c>handoff</c>; a surge's <c>switch</c>, <c>drain_old</c>).</summary>
    public const string ReloadStepTag = "reload.step";

    /// <summary>Tag: the restart circuit (<c>general</c>, or a crash class with a circuit of its own).</summary>
    public const string CircuitTag = "circuit";

    /// <summary>Tag: the kind of a restart storm (<c>crash_storm</c>, <c>oom_storm</c>, <c>driver_error_storm</c>).</summary>
    public const string StormKindTag = "storm.kind";

    /// <summary>Tag: the tenant of an execution context.</summary>
    public const string TenantTag = "tenant";

    /// <summary>Tag: the model of an execution context.</summary>
    public const string ModelTag = "model";

    /// <summary>Histogram, s: time from a drain's start to its end. Tags: pool, drain.status.</summary>
    public const string DrainDuration = "runtime.drain.duration";

    /// <summary>Histogram, s: time from a reload's start to its end. Tags: pool, reload.outcome, reload.strategy.</summary>
    public const string ReloadDuration = "runtime.reload.duration";

    /// <summary>Counter: reloads that succeeded. Tag: pool.</summary>
    public const string ReloadSuccesses = "runtime.reload.successes";

    /// <summary>Counter: reloads that failed. Tags: pool, reload.step.</summary>
    public const string ReloadFailures = "runtime.reload.failures";

    /// <summary>Histogram, s: delay before a scheduled engine restart. Tags: pool, crash.reason.</summary>
    public const string BackoffDelay = "runtime.restart.backoff.delay";

    /// <summary>Counter: engine restarts scheduled by the backoff. Tags: pool, crash.reason.</summary>
    public const string RestartsScheduled = "runtime.restart.scheduled";

    /// <summary>Observable gauge: restarts within the current rate window. Tag: pool.</summary>
    public const string RestartRate = "runtime.restart.rate";

    /// <summary>Counter: restart storms. Tags: pool, storm.kind, crash.reason (the dominant one).</summary>
    public const string RestartStorms = "runtime.restart.storms";

    /// <summary>Observable gauge: a restart circuit's state, 0 closed, 1 open, 2 half-open. Tags: pool, circuit.</summary>
    public const string CircuitState = "runtime.circuit_breaker.state";

    /// <summary>Counter: transitions of a restart circuit to open. Tags: pool, circuit.</summary>
    public const string CircuitOpenings = "runtime.circuit_breaker.openings";

    /// <summary>Counter: engine crashes the supervisor detected. Tags: pool, crash.reason.</summary>
    public const string EngineCrashes = "runtime.engine.crashes";

    /// <summary>Counter: engine restarts by the supervisor. Tag: pool.</summary>
    public const string EngineRestarts = "runtime.engine.restarts";

    /// <summary>Counter: backend failures contained by a context. Tags: tenant, model.</summary>
    public const string ContextFaults = "runtime.context.faults";

    /// <summary>Counter: requests and allocations refused by a context's budget. Tags: tenant, model.</summary>
    public const string ContextBudgetRefusals = "runtime.context.budget_refusals";

    /// <summary>Counter: attempts by another tenant to use or read a context. Tags: tenant, model.</summary>
    public const string ContextForbiddenAttempts = "runtime.context.forbidden_attempts";

    /// <summary>
    /// The bucket boundaries advised for the duration histograms, in seconds: from 10 ms (a drain with no lease) to
    /// 5 minutes (a drain deadline), where OpenTelemetry's defaults assume milliseconds.
    /// </summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
}
