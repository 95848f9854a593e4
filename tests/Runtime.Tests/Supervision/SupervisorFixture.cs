using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Supervision.Engines;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Runtime.Tests.Supervision;

/// <summary>A registry, a real launcher and a supervisor on a manual clock; disposing kills every engine.</summary>
internal sealed class SupervisorFixture : IDisposable
{
    public SupervisorFixture(Action<SupervisorOptions>? configure = null)
    {
        Oom.ReadOomKillCount().Returns(0L);
        var options = new SupervisorOptions
        {
            TimeProvider = Time,
            StopGracePeriod = TimeSpan.FromSeconds(10),
            LoggerFactory = Logger,
            MeterFactory = Meters,
            Randomizer = () => 0.5,
            Health = new HealthProbeOptions { Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(1), StartupTimeout = TimeSpan.FromSeconds(60) },
            CrashDetection = new CrashDetectionOptions { OomEvidence = Oom },
        };
        options.Backoff.JitterFactor = 0;
        configure?.Invoke(options);
        Launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = Time });
        Supervisor = new Supervisor(Registry, Launcher, options);
        Supervisor.Crashed += (_, c) =>
        {
            lock (Crashes)
            {
                Crashes.Add(c);
            }

            CrashSeen.TrySetResult(c);
        };
    }

    public FakeTimeProvider Time { get; } = TestClock.New();

    public PoolRegistry Registry { get; } = new();

    public IOomEvidence Oom { get; } = Substitute.For<IOomEvidence>();

    public RecordingLogger Logger { get; } = new();

    public ScopedMeterFactory Meters { get; } = new();

    public EngineLauncher Launcher { get; }

    public Supervisor Supervisor { get; }

    public List<CrashEvent> Crashes { get; } = [];

    public TaskCompletionSource<CrashEvent> CrashSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when an engine of the supervisor writes the line <paramref name="text"/>, from now on.</summary>
    public Task EngineWrites(string text)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Supervisor.EngineOutput += (_, line) =>
        {
            if (line.Text == text)
            {
                written.TrySetResult();
            }
        };
        return written.Task;
    }

    public Pool Register(string id, string model = "llama-7b-v1", params string[] flags) =>
        Registry.Register(id, EngineStubCommand.Spec(model, "1.0", flags), new Dictionary<string, string> { ["CUDA_VISIBLE_DEVICES"] = "0" });

    public async Task<Pool> StartReady(string id, params string[] flags)
    {
        var pool = Register(id, "llama-7b-v1", flags);
        var result = await Supervisor.StartAsync(id).WaitAsync(PoolEvents.Bound);
        if (!result.Ready)
        {
            throw new InvalidOperationException($"pool {id} did not start: {result.Error}");
        }

        return pool;
    }

    public void Dispose()
    {
        Supervisor.Dispose();
        Launcher.Dispose();
        Meters.Dispose();
    }
}
