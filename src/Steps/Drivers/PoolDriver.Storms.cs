using NSubstitute;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.RestartLimits;

namespace Steps.Drivers;

/// <summary>Restart storms under the real supervisor: its restart limit and engines killed again and again.</summary>
public sealed partial class PoolDriver
{
    private RestartRateLimiterOptions? _restartLimits;
    private Runtime.Supervision.CircuitBreaker.CircuitBreakerOptions? _circuit;

    /// <summary>The supervisor opens a pool's circuit after <paramref name="failures"/> crashes in a row. Rebuilds it, as <see cref="LimitRestarts"/>.</summary>
    public void OpenCircuitAfter(int failures)
    {
        RequireNoPoolYet();
        _circuit = new Runtime.Supervision.CircuitBreaker.CircuitBreakerOptions { FailureThreshold = failures };
        Teardown();
        Build();
    }

    /// <summary>The supervisor gives driver errors a circuit of their own. Rebuilds it, as <see cref="LimitRestarts"/>.</summary>
    public void DriverErrorsOnTheirOwnCircuit()
    {
        RequireNoPoolYet();
        _circuit = new Runtime.Supervision.CircuitBreaker.CircuitBreakerOptions { SeparateCircuitReasons = new HashSet<Runtime.Supervision.Crashes.CrashReason> { Runtime.Supervision.Crashes.CrashReason.DriverError } };
        Teardown();
        Build();
    }

    /// <summary>How many engines were started for pool <paramref name="id"/>'s model in the scenario.</summary>
    public int EnginesStartedFor(string id)
    {
        var model = Pool(id).Spec.Model;
        return _processes.Started.Count(s => s.Model == model);
    }

    private void RequireNoPoolYet()
    {
        if (!RealProcesses)
        {
            throw new InvalidOperationException("the restart policies of the supervisor apply to real engines: tag the scenario @process");
        }

        if (Registry.Pools.Count > 0)
        {
            throw new InvalidOperationException("set the restart policies before any pool serves a model");
        }
    }

    /// <summary>
    /// The supervisor allows at most <paramref name="restarts"/> restarts of a pool in <paramref name="window"/>
    /// (warnings above <c>restarts - 1</c> when that is below the default 5). Rebuilds the supervisor, so it is
    /// refused once a pool is registered, and outside @process scenarios (no supervisor there).
    /// </summary>
    public void LimitRestarts(int restarts, TimeSpan window)
    {
        RequireNoPoolYet();
        _restartLimits = new RestartRateLimiterOptions
        {
            MaxRestarts = restarts,
            Window = window,
            WarningThreshold = Math.Min(RestartLimitConstants.DefaultWarningThreshold, restarts - 1),
        };
        Teardown();
        Build();
    }

    /// <summary>
    /// Kills the engine of pool <paramref name="id"/> with <paramref name="signal"/> <paramref name="times"/> times.
    /// After each kill but the last it waits for the crash to be recorded, moves the clock by exactly the scheduled
    /// backoff delay and waits for the restarted engine to be ready; after the last, for the crash to be recorded.
    /// </summary>
    public async Task KillRepeatedlyAsync(string id, string signal, int times)
    {
        for (var kill = 1; kill <= times; kill++)
        {
            var engine = Supervisor?.EngineOf(id) ?? throw new InvalidOperationException($"pool {id} runs no engine to kill (kill {kill} of {times})");
            var crashes = CrashCount(id);
            if (signal == OomKiller)
            {
                // The kernel's OOM killer is out of reach: its evidence (the cgroup's oom_kill counter) rises by one per kill.
                Oom.ReadOomKillCount().Returns(kill);
            }

            var killed = signal switch
            {
                "SIGKILL" or OomKiller => SignalSender.Send(engine.Pid, Signals.SIGKILL),
                DriverError => engine.WriteLine("log CUDA error: an illegal memory access was encountered"),
                _ => engine.WriteLine($"signal {signal}"),
            };
            if (!killed)
            {
                throw new InvalidOperationException($"the engine of pool {id} is gone: it cannot be killed by {signal}");
            }

            await WaitUntil(() => CrashCount(id) > crashes, $"the supervisor to record kill {kill} of the engine of pool {id}");
            if (kill == times)
            {
                return;
            }

            // The crash is recorded a moment before the pool turns to restarting (with its restart already scheduled).
            await WaitUntil(() => Pool(id).State == PoolState.Restarting, $"pool {id} to be restarting after kill {kill} of {times}");

            _clock.Pass(TimeSpan.FromSeconds(Metrics.For("runtime.restart.backoff.delay", id)[^1].Value));
            await WaitUntil(() => Pool(id).Snapshot() is { Ready: true } s && s.Pid != engine.Pid, $"pool {id} to be ready again after kill {kill}");
            RememberEngine(id);
        }
    }

    /// <summary>The "signal" of <see cref="KillRepeatedlyAsync"/> that stands for the kernel's out-of-memory killer.</summary>
    public const string OomKiller = "the out-of-memory killer";

    /// <summary>The "signal" of <see cref="KillRepeatedlyAsync"/> that has the engine log a CUDA error (a driver error).</summary>
    public const string DriverError = "a CUDA error";

    private int CrashCount(string id)
    {
        lock (Crashes)
        {
            return Crashes.Count(c => c.PoolId == id);
        }
    }
}
