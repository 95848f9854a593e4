using Reqnroll;
using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Steps.Time;
using Runtime.Common;

namespace Steps.Drivers;

/// <summary>
/// Owns the supervision runtime of a scenario: the pool registry (with a state file in a scenario
/// folder), the engines (real engine-stub processes for scenarios tagged @process, simulated ones
/// otherwise), the supervisor, drains and reloads. Everything is on the scenario clock and observed
/// through <see cref="PolicyMetrics"/> and <see cref="PolicyLogger"/>. Disposal kills every engine and
/// removes the folder, even after a failed scenario.
/// </summary>
public sealed partial class PoolDriver : IDisposable
{
    /// <summary>Safety bound of every wait on a real process (they complete in milliseconds).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly ScenarioClock _clock;
    private readonly EngineProcessDriver _processes;
    private readonly string _folder = Directory.CreateTempSubdirectory("supervision-spec-").FullName;
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Builds the runtime for the scenario.</summary>
    public PoolDriver(ScenarioClock clock, ScenarioContext scenario, PolicyMetrics metrics, PolicyLogger logger, EngineProcessDriver processes)
    {
        _clock = clock;
        _processes = processes;
        Metrics = metrics;
        Logger = logger;
        Logger.Logged += Pulse;
        RealProcesses = scenario.ScenarioInfo.CombinedTags.Contains("process", StringComparer.Ordinal);
        Oom.ReadOomKillCount().Returns(0L);
        Build();
    }

    /// <summary>True for scenarios tagged @process: engines are real engine-stub processes.</summary>
    public bool RealProcesses { get; }

    /// <summary>The scenario clock.</summary>
    public ScenarioClock Clock => _clock;

    /// <summary>Metrics of the scenario.</summary>
    public PolicyMetrics Metrics { get; }

    /// <summary>Logs of the scenario.</summary>
    public PolicyLogger Logger { get; }

    /// <summary>The OOM evidence (the kernel's OOM killer is out of reach: its counter is substituted).</summary>
    public IOomEvidence Oom { get; } = Substitute.For<IOomEvidence>();

    /// <summary>The model provisioner of reloads (substituted: staging succeeds unless told otherwise).</summary>
    public ProvisionerDouble Models { get; } = new();

    /// <summary>The registry.</summary>
    public PoolRegistry Registry { get; private set; } = null!;

    /// <summary>The supervisor (real processes only).</summary>
    public Supervisor? Supervisor { get; private set; }

    /// <summary>The simulated engines (scenarios without @process).</summary>
    public SimulatedEngines? Simulated { get; private set; }

    /// <summary>The engines the pools run on: the supervisor's real processes, or the simulated engines.</summary>
    public IPoolEngines Engines => (IPoolEngines?)Supervisor ?? Simulated!;

    /// <summary>Drains.</summary>
    public DrainCoordinator Drains { get; private set; } = null!;

    /// <summary>Reloads.</summary>
    public ReloadCoordinator Reloads { get; private set; } = null!;

    /// <summary>Crashes seen, in order.</summary>
    public List<CrashEvent> Crashes { get; } = [];

    /// <summary>The state file of the manager.</summary>
    public string StateFile => Path.Combine(_folder, "pools.json");

    /// <summary>The handoff directory of reloads.</summary>
    public string HandoffDirectory => Path.Combine(_folder, "handoff");

    /// <summary>The pool with <paramref name="id"/>.</summary>
    public Pool Pool(string id) => Registry.Get(id);

    /// <summary>Registers pool <paramref name="id"/> serving <paramref name="model"/> and waits until it is ready.</summary>
    public async Task ServeAsync(string id, string model, string version = "1.0")
    {
        Registry.Register(id, SpecFor(model, version), new Dictionary<string, string> { ["CUDA_VISIBLE_DEVICES"] = id.Replace("gpu-", "", StringComparison.Ordinal) }, DeviceMemoryOf(id));
        var result = await StartAsync(id).WaitAsync(Bound);
        if (!result.Ready)
        {
            throw new InvalidOperationException($"pool {id} did not become ready: {result.Error}");
        }

        RememberEngine(id);
    }

    /// <summary>Registers pool <paramref name="id"/> and starts its engine without waiting for readiness.</summary>
    public Task<EngineStartResult> StartAsync(string id)
    {
        if (Supervisor is { } supervisor)
        {
            return supervisor.StartAsync(id);
        }

        return Simulated!.StartAsync(id);
    }

    /// <summary>A spec for <paramref name="model"/> the way this scenario runs engines (the stub, or a simulated engine).</summary>
    public EngineSpec SpecFor(string model, string version) =>
        (RealProcesses ? _processes.Spec(model, version) : new EngineSpec("engine", ["--model", "{model}"], model, version)) with { MemoryMiB = MemoryOf(model) };

    /// <summary>Rebuilds the manager from the state file, as after a restart (every engine of the old one is killed).</summary>
    public IReadOnlyList<Pool> RestartManager()
    {
        Teardown();
        Build(loadState: false);
        return Registry.LoadState();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking on every pool change, crash, engine
    /// output line and log event (no polling); the real-time bound only turns a hang into a clear failure.
    /// </summary>
    public async Task WaitUntil(Func<bool> condition, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var pulse = Volatile.Read(ref _pulse).Task;
            if (condition())
            {
                return;
            }

            var left = Bound - TimeProvider.System.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"waited {Bound.TotalSeconds} s for {what}");
            }

            try
            {
                await pulse.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Teardown();
        ScratchFolders.TryDelete(_folder);
    }

    /// <summary>Wakes every <see cref="WaitUntil"/> to look at its condition again (pool changes, crashes and client answers pulse).</summary>
    public void Pulse() => Interlocked.Exchange(ref _pulse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
