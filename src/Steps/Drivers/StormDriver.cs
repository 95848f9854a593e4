using NSubstitute;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.RestartLimits;

namespace Steps.Drivers;

/// <summary>Restart storms under the real supervisor: its restart limit, its circuits, and engines killed again and again.</summary>
public sealed class StormDriver(PoolDriver pools, EngineProcessDriver processes)
{
    /// <summary>The supervisor opens a pool's circuit after <paramref name="failures"/> crashes in a row. Rebuilds it, as <see cref="LimitRestarts"/>.</summary>
    public void OpenCircuitAfter(int failures)
    {
        pools.ConfigureSupervisor(o => o.CircuitBreaker = new CircuitBreakerOptions { FailureThreshold = failures });
    }

    /// <summary>The supervisor gives driver errors a circuit of their own. Rebuilds it, as <see cref="LimitRestarts"/>.</summary>
    public void DriverErrorsOnTheirOwnCircuit()
    {
        pools.ConfigureSupervisor(o => o.CircuitBreaker = new CircuitBreakerOptions { SeparateCircuitReasons = new HashSet<CrashReason> { CrashReason.DriverError } });
    }

    /// <summary>How many engines were started for pool <paramref name="id"/>'s model in the scenario.</summary>
    public int EnginesStartedFor(string id)
    {
        var model = pools.Pool(id).Spec.Model;
        return processes.Started.Count(s => s.Model == model);
    }

    /// <summary>
    /// The supervisor allows at most <paramref name="restarts"/> restarts of a pool in <paramref name="window"/>
    /// (warnings above <c>restarts - 1</c> when that is below the default 5). Rebuilds the supervisor, so it is
    /// refused once a pool is registered, and outside @process scenarios (no supervisor there).
    /// </summary>
    public void LimitRestarts(int restarts, TimeSpan window)
    {
        pools.ConfigureSupervisor(o => o.RestartLimits = new RestartRateLimiterOptions
        {
            MaxRestarts = restarts,
            Window = window,
            WarningThreshold = Math.Min(RestartLimitConstants.DefaultWarningThreshold, restarts - 1),
        });
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
            var engine = pools.Supervisor?.EngineOf(id) ?? throw new InvalidOperationException($"pool {id} runs no engine to kill (kill {kill} of {times})");
            var crashes = CrashCount(id);
            if (signal == OomKiller)
            {
                // The kernel's OOM killer is out of reach: its evidence (the cgroup's oom_kill counter) rises by one per kill.
                pools.Oom.ReadOomKillCount().Returns(kill);
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

            await pools.WaitUntil(() => CrashCount(id) > crashes, $"the supervisor to record kill {kill} of the engine of pool {id}");
            if (kill == times)
            {
                return;
            }

            // The crash is recorded a moment before the pool turns to restarting (with its restart already scheduled).
            await pools.WaitUntil(() => pools.Pool(id).State == PoolState.Restarting, $"pool {id} to be restarting after kill {kill} of {times}");

            pools.Clock.Pass(TimeSpan.FromSeconds(pools.Metrics.For("runtime.restart.backoff.delay", id)[^1].Value));
            await pools.WaitUntil(() => pools.Pool(id).Snapshot() is { Ready: true } s && s.Pid != engine.Pid, $"pool {id} to be ready again after kill {kill}");
            pools.RememberEngine(id);
        }
    }

    /// <summary>The "signal" of <see cref="KillRepeatedlyAsync"/> that stands for the kernel's out-of-memory killer.</summary>
    public const string OomKiller = "the out-of-memory killer";

    /// <summary>The "signal" of <see cref="KillRepeatedlyAsync"/> that has the engine log a CUDA error (a driver error).</summary>
    public const string DriverError = "a CUDA error";

    private int CrashCount(string id)
    {
        lock (pools.Crashes)
        {
            return pools.Crashes.Count(c => c.PoolId == id);
        }
    }
}
