using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Policies;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>Supervises one pool: launches its engine, watches health and output, classifies crashes, restarts.</summary>
internal sealed partial class PoolSupervisor : IDisposable
{
    private readonly object _lock = new();
    private readonly Pool _pool;
    private readonly SupervisorContext _context;
    private readonly ILogger _logger;
    private readonly RestartPolicy _policy;
    private EngineRun? _run;
    private EngineRun? _candidate;
    private EngineRun? _retiring;
    private ITimer? _restartTimer;
    private bool _waitingForCircuit;
    private bool _disposed;

    public PoolSupervisor(Pool pool, SupervisorContext context)
    {
        _pool = pool;
        _context = context;
        var o = context.Options;
        var logs = o.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = logs.CreateLogger<Supervisor>();
        _policy = new RestartPolicy(pool.Id, o.RestartPolicy(), o.TimeProvider, o.Randomizer, logs, o.MeterFactory);
        _policy.Breaker.StateChanged += OnCircuitChanged;
    }

    public Pool Pool => _pool;

    public IEngineProcess? CurrentProcess
    {
        get
        {
            lock (_lock)
            {
                return _run is { HasEnded: false } run ? run.Process : null;
            }
        }
    }

    /// <summary>Launches <paramref name="spec"/>; the task completes when it is ready or has failed.</summary>
    public Task<EngineStartResult> Launch(EngineSpec spec, bool supervised) => Run(NewRun(spec, supervised), beside: false);

    private EngineRun NewRun(EngineSpec spec, bool supervised) =>
        new(spec, _context.Options.TimeProvider.GetUtcNow(), _context.Classifier.OomBaseline(), supervised);

    /// <summary>Starts <paramref name="run"/> as the pool's engine, or <paramref name="beside"/> it as a surge's new engine.</summary>
    private Task<EngineStartResult> Run(EngineRun run, bool beside)
    {
        var spec = run.Spec;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (beside)
            {
                BeginSurge_NeedsLock(run);
            }
            else
            {
                _run = run;
            }
        }

        var environment = new Dictionary<string, string>(_pool.Metadata);
        var request = new EngineLaunchRequest(spec.Command, spec.ExpandArguments())
        {
            Environment = environment,
            OnOutput = line => OnOutput(run, line),
        };
        // The startup timeout runs from before the process starts, so a clock moved as soon as the engine
        // is seen running cannot outpace it.
        run.Monitor = new HealthMonitor(_context.Health, _context.Probe, (verdict, result) => OnVerdict(run, verdict, result));
        run.Monitor.CheckFailed += (_, failure) => OnCheckFailed(run, failure);
        try
        {
            run.Process = _context.Launcher.Start(request);
        }
        catch (EngineStartException e)
        {
            Fail(run, CrashReason.StartupFailure, e.Message, exit: null);
            return run.Started.Task;
        }

        var process = run.Process;
        SupervisionLog.Started(_logger, _pool.Id, spec.Model, spec.EngineVersion, process.Pid);
        _ = process.Listening.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    run.Endpoint = t.Result;
                    run.Monitor.Watch(t.Result);
                }
            },
            TaskScheduler.Default);
        _ = process.Exited.ContinueWith(t => OnExit(run, t.Result), TaskScheduler.Default);
        return run.Started.Task;
    }

    /// <summary>
    /// Stops the current engine on purpose; null when none runs. Cancelling <paramref name="cancellationToken"/>
    /// ends the grace period: the engine is killed at once. The stop itself always completes.
    /// </summary>
    public async Task<EngineExit?> StopAsync(bool force, CancellationToken cancellationToken)
    {
        EngineRun? run;
        (EngineRun? Candidate, EngineRun? Retiring) surge;
        lock (_lock)
        {
            run = _run;
            _run = null;
            surge = DetachSurge_NeedsLock();
            _restartTimer?.Dispose();
            _restartTimer = null;
            _waitingForCircuit = false;
        }

        // A surge under way stops with the pool: its new engine is killed, its old one stops as the pool's does.
        var others = Task.WhenAll(EndRunAsync(surge.Candidate, force: true, CancellationToken.None), EndRunAsync(surge.Retiring, force, cancellationToken));
        var exit = await EndRunAsync(run, force, cancellationToken).ConfigureAwait(false);
        await others.ConfigureAwait(false);
        if (exit is not { } ended)
        {
            return null;
        }

        _pool.Update(m => m.SetEngine(null, null, live: false));
        SupervisionLog.Stopped(_logger, _pool.Id, ended.ToString());
        return ended;
    }

    /// <summary>Ends <paramref name="run"/> on purpose (no crash is recorded); null when it has no process.</summary>
    private async Task<EngineExit?> EndRunAsync(EngineRun? run, bool force, CancellationToken cancellationToken)
    {
        if (run?.Process is not { } process)
        {
            return null;
        }

        run.EndOnPurpose();

        // The probe in flight is cancelled now; the stop returns once it has ended too.
        var monitorEnded = run.Monitor?.DisposeAsync() ?? ValueTask.CompletedTask;

        EngineExit exit;
        try
        {
            exit = force
                ? await KillAsync(process, CancellationToken.None).ConfigureAwait(false)
                : await process.StopAsync(_context.Options.StopGracePeriod, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The caller's time is up (a drain's deadline): the grace period ends now.
            exit = await KillAsync(process, CancellationToken.None).ConfigureAwait(false);
        }

        await monitorEnded.ConfigureAwait(false);
        return exit;
    }

    /// <summary>Puts the pool under the restart policies after a failure outside a supervised run.</summary>
    public void TakeOver(CrashReason reason, string error)
    {
        _pool.Update(m => m.SetLastError($"{CrashReasonNames.GetName(reason)}: {error}"));
        AfterCrash(reason);
    }

    public string ResetCircuit(string correlationId)
    {
        _policy.ResetCircuit();
        var restarting = RestartIfStopped();
        SupervisionLog.OperatorAction(_logger, _pool.Id, "reset_circuit", correlationId, restarting ? "circuit closed, engine restarting" : "circuit closed");
        return correlationId;
    }

    public bool AllowOneRestart(string correlationId)
    {
        var allowed = _pool.State == PoolState.Failed && _policy.AllowOneRestart() && RestartIfStopped();
        SupervisionLog.OperatorAction(_logger, _pool.Id, "allow_one_restart", correlationId, allowed ? "one restart let through" : $"nothing to allow: the pool is {_pool.State}");
        return allowed;
    }

    public void Dispose()
    {
        EngineRun? run;
        (EngineRun? Candidate, EngineRun? Retiring) surge;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            run = _run;
            _run = null;
            surge = DetachSurge_NeedsLock();
            _restartTimer?.Dispose();
        }

        foreach (var each in new[] { run, surge.Candidate, surge.Retiring })
        {
            if (each is not null)
            {
                each.EndOnPurpose();
                each.Monitor?.Dispose();
                each.Process?.Signal(Signals.SIGKILL);
            }
        }

        _policy.Breaker.StateChanged -= OnCircuitChanged;
        _policy.Dispose();
    }

    private static async Task<EngineExit> KillAsync(IEngineProcess process, CancellationToken cancellationToken)
    {
        process.Signal(Signals.SIGKILL);
        return await process.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool IsCurrent(EngineRun run)
    {
        lock (_lock)
        {
            return ReferenceEquals(_run, run) && !_disposed;
        }
    }
}
