using Runtime.Supervision;

namespace ManagerHost.Configuration;

/// <summary>The manager's configuration: section <c>Manager</c> of <c>appsettings.json</c>, environment and command line.</summary>
public sealed class ManagerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Manager";

    /// <summary>The address of the operator API and probes. Default <c>http://127.0.0.1:5080</c>; port 0 picks a free port.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The bearer token every API request must carry (<c>Authorization: Bearer TOKEN</c>); the probes need none.
    /// Required when <see cref="Url"/> is not a loopback address. Default: none.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The pool state file (crash and restart counts survive a restart); relative to the manager's directory. Default: none.</summary>
    public string? StateFile { get; set; }

    /// <summary>On SIGTERM, how long the pools have to drain and their engines to stop before they are killed. Default 30 s.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The drain deadline of an API drain or reload that names none. Default 30 s.</summary>
    public TimeSpan DefaultDrainDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When <c>/readyz</c> answers ready. Default <see cref="ReadinessRule.AnyPool"/>.</summary>
    public ReadinessRule Readiness { get; set; } = ReadinessRule.AnyPool;

    /// <summary>The pools, by id (for example <c>gpu-0</c>).</summary>
    public Dictionary<string, PoolOptions> Pools { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Health probes, crash detection, backoff, circuit breaker and restart limits: the runtime's own options.</summary>
    public SupervisorOptions Supervision { get; set; } = new();
}

/// <summary>One pool's engine: <c>Manager:Pools:ID</c>.</summary>
public sealed class PoolOptions
{
    /// <summary>The executable: a path, or a name found on PATH.</summary>
    public string? Command { get; set; }

    /// <summary>Its arguments; <c>{model}</c>, <c>{engine_version}</c> and <c>{manager_dir}</c> are replaced.</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>The model served, for example <c>llama-7b-v1</c>.</summary>
    public string? Model { get; set; }

    /// <summary>The engine version, for example <c>1.4.2</c>.</summary>
    public string? EngineVersion { get; set; }

    /// <summary>
    /// The device memory the pool has, in MiB. With <see cref="ModelMemoryMiB"/> it decides whether a reload may start the
    /// new engine beside the old one (a surge); without either, a surge falls back to drain-first.
    /// </summary>
    public long? DeviceMemoryMiB { get; set; }

    /// <summary>The device memory the pool's model needs, in MiB; a reload may give the new model's own.</summary>
    public long? ModelMemoryMiB { get; set; }

    /// <summary>Free-form metadata kept with the pool, for example <c>CUDA_VISIBLE_DEVICES</c>.</summary>
    public Dictionary<string, string> Metadata { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>When the manager is ready for traffic.</summary>
public enum ReadinessRule
{
    /// <summary>At least one pool is ready.</summary>
    AnyPool,

    /// <summary>Every configured pool is ready.</summary>
    AllPools,
}
