using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Tests.Support;

namespace Runtime.Tests.Properties;

/// <summary>
/// Ready pools under a real supervisor, drain and reload coordinators, on one manual clock, with in-process engines
/// (healthy on a shared loopback endpoint). Runs <see cref="PoolOperation"/>s, their clients at the same time, then lets
/// everything it started end and reports what is wrong: a pool Draining or Reloading with no drain or reload running,
/// a lease leaked or counted below zero.
/// </summary>
internal sealed class PoolWorld : IDisposable
{
    private static readonly string[] Models = ["llama-7b-v1", "llama-7b-v2"];
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly PoolRegistry _registry = new();
    private readonly Supervisor _supervisor;
    private readonly DrainCoordinator _drains;
    private readonly ReloadCoordinator _reloads;
    private readonly ConcurrentQueue<Task> _running = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<Lease>[] _held;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PoolWorld(Uri healthyEndpoint, int pools)
    {
        var oom = Substitute.For<IOomEvidence>(); // the kernel's OOM counter is out of reach
        oom.ReadOomKillCount().Returns(0L);
        var options = new SupervisorOptions
        {
            TimeProvider = _time,
            Randomizer = () => 0.5,
            Health = new HealthProbeOptions { Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromSeconds(5), StartupTimeout = TimeSpan.FromSeconds(60) },
            CrashDetection = new CrashDetectionOptions { OomEvidence = oom },
        };
        options.CircuitBreaker.FailureThreshold = 2;
        options.CircuitBreaker.OpenDuration = TimeSpan.FromSeconds(60);
        _supervisor = new Supervisor(_registry, new InProcessEngines(healthyEndpoint), options);
        _drains = new DrainCoordinator(_registry, _supervisor, new DrainOptions { TimeProvider = _time });
        _reloads = new ReloadCoordinator(_registry, _supervisor, _drains, new ReloadOptions { TimeProvider = _time });
        _registry.PoolChanged += (_, _) => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        _held = Enumerable.Range(0, pools).Select(_ => new ConcurrentQueue<Lease>()).ToArray();
        for (var i = 0; i < pools; i++)
        {
            _registry.Register(Id(i), new EngineSpec("engine", ["--model", "{model}"], Models[0], "1.0"));
        }
    }

    /// <summary>Starts every pool, runs the operations (each client's in order, the clients together), then ends everything.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<PoolOperation> operations)
    {
        for (var i = 0; i < _held.Length; i++)
        {
            var start = await _supervisor.StartAsync(Id(i)).WaitAsync(TimeSpan.FromSeconds(20));
            if (!start.Ready)
            {
                throw new InvalidOperationException($"pool {Id(i)} did not start: {start.Error}");
            }
        }

        using var go = new Barrier(PoolOperation.Lanes);
        var clients = Enumerable.Range(0, PoolOperation.Lanes).Select(lane => Task.Factory.StartNew(
            () =>
            {
                go.SignalAndWait();
                foreach (var operation in operations.Where(o => o.Lane == lane))
                {
                    Run(operation);
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        await Task.WhenAll(clients);
        await EndEverythingAsync();
        Check();
        return _violations.ToList();
    }

    public void Dispose()
    {
        _reloads.Dispose();
        _drains.Dispose();
        _supervisor.Dispose();
    }

    private static string Id(int pool) => $"gpu-{pool}";

    private IEnumerable<Pool> Pools() => Enumerable.Range(0, _held.Length).Select(i => _registry.Get(Id(i)));

    private void Run(PoolOperation operation)
    {
        var id = Id(operation.Pool);
        switch (operation.Kind)
        {
            case PoolOperationKind.DrainStoppingTheEngine:
            case PoolOperationKind.DrainKeepingTheEngine:
                var mode = operation.Kind == PoolOperationKind.DrainKeepingTheEngine ? DrainMode.KeepEngine : DrainMode.StopEngine;
                try
                {
                    _running.Enqueue(_drains.DrainAsync(id, operation.Deadline, mode));
                }
                catch (InvalidOperationException)
                {
                    // Refused: the pool is not ready, or a keep-engine drain met one that stops the engine.
                }

                break;
            case PoolOperationKind.Reload:
                _running.Enqueue(_reloads.ReloadModelAsync(id, Models[operation.Argument % Models.Length], operation.Deadline));
                break;
            case PoolOperationKind.Lease:
                if (_registry.TryAcquire(id, out var lease) == LeaseRefusal.None)
                {
                    _held[operation.Pool].Enqueue(lease);
                }

                break;
            case PoolOperationKind.Release:
                Release(operation.Pool);
                break;
            case PoolOperationKind.Crash:
                (_supervisor.EngineOf(id) as InProcessEngine)?.Crash();
                break;
            case PoolOperationKind.ResetCircuit:
                _supervisor.ResetCircuit(id);
                break;
            case PoolOperationKind.AllowOneRestart:
                _supervisor.AllowOneRestart(id);
                break;
            case PoolOperationKind.ClockMoves:
                _time.Advance(operation.Step);
                break;
        }
    }

    private void Release(int pool)
    {
        if (_held[pool].TryDequeue(out var lease) && !lease.Release())
        {
            _violations.Enqueue($"{lease}, held by its client, was found released already");
        }
    }

    /// <summary>The clients give their leases back; then the clock moves until every drain and reload has returned.</summary>
    private async Task EndEverythingAsync()
    {
        for (var pool = 0; pool < _held.Length; pool++)
        {
            while (!_held[pool].IsEmpty)
            {
                Release(pool);
            }
        }

        var all = Task.WhenAll(_running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var waited = Stopwatch.StartNew();
        await Task.WhenAny(all, Task.Delay(20)); // engines that are starting get their health answer
        while (!all.IsCompleted && waited.Elapsed < Bound)
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            await Task.WhenAny(all, Task.Delay(2));
        }

        if (!all.IsCompleted)
        {
            _violations.Enqueue($"a drain or a reload never returned, with the clock moved for {Bound.TotalSeconds} s");
        }

        // A crash is handled on a thread of its own and may still be moving its pool on (Draining to Restarting): a pool
        // left behind stays Draining or Reloading for good, one being moved on leaves at once.
        waited.Restart();
        while (Pools().Any(p => p.State is PoolState.Draining or PoolState.Reloading) && waited.Elapsed < Settle)
        {
            await Task.WhenAny(Volatile.Read(ref _changed).Task, Task.Delay(Settle));
        }

        foreach (var failed in _running.Where(t => t.IsFaulted))
        {
            _violations.Enqueue($"an operation threw: {failed.Exception!.InnerException!.Message}");
        }
    }

    private void Check()
    {
        for (var i = 0; i < _held.Length; i++)
        {
            var pool = _registry.Get(Id(i));
            var s = pool.Snapshot();
            if (s.State is PoolState.Draining or PoolState.Reloading)
            {
                _violations.Enqueue($"pool {s.Id} is {s.State} with no drain or reload running (last error: {s.LastError ?? "none"})");
            }

            if (_drains.IsDraining(s.Id))
            {
                _violations.Enqueue($"pool {s.Id} still has a drain registered after every drain returned");
            }

            if (pool.ActiveLeases != 0 || pool.ActiveLeaseIds().Count != 0)
            {
                _violations.Enqueue($"pool {s.Id} counts {pool.ActiveLeases} leases ({string.Join(", ", pool.ActiveLeaseIds())}) after every client released its own");
            }

            // A count below zero hides behind ActiveLeases (never negative): one lease must count one.
            if (pool.TryAcquire(out var probe) == LeaseRefusal.None)
            {
                if (pool.ActiveLeases != 1)
                {
                    _violations.Enqueue($"pool {s.Id} counts {pool.ActiveLeases} leases with one held");
                }

                probe.Release();
            }
        }
    }
}
