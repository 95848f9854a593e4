namespace Runtime.Supervision.Pools;

/// <summary>
/// One pool: an engine serving a model, its health, lifecycle state and counters. State changes go
/// through one private lock (a <c>switch</c> on <see cref="PoolState"/>); <see cref="Changed"/> fires
/// outside the lock, in order per change. Leases are lock-free (see <see cref="Lease"/>).
/// </summary>
public sealed partial class Pool
{
    private readonly object _lock = new();
    private EngineSpec _spec;
    private PoolState _state = PoolState.Registered;
    private bool _live;
    private int _crashCount;
    private int _restartCount;
    private string? _lastError;
    private int? _pid;
    private Uri? _endpoint;

    internal Pool(string id, EngineSpec spec, IReadOnlyDictionary<string, string> metadata, int maxLeases, long? deviceMemoryMiB = null)
    {
        Id = id;
        DeviceMemoryMiB = deviceMemoryMiB;
        _spec = spec;
        Metadata = metadata;
        _slots = new long[maxLeases];
    }

    /// <summary>Raised after every change with the new snapshot (outside the lock).</summary>
    public event EventHandler<PoolSnapshot>? Changed;

    /// <summary>The pool id, for example <c>gpu-0</c>.</summary>
    public string Id { get; }

    /// <summary>Metadata given at registration (preserved across reloads and manager restarts).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// The device memory the pool has for its engines, in MiB (for example 24576 for a 24 GiB GPU); null when not declared.
    /// A surge reload runs the new engine beside the old one only when both engines' <see cref="EngineSpec.MemoryMiB"/> fit.
    /// </summary>
    public long? DeviceMemoryMiB { get; }

    /// <summary>The current state.</summary>
    public PoolState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>The engine currently configured.</summary>
    public EngineSpec Spec
    {
        get
        {
            lock (_lock)
            {
                return _spec;
            }
        }
    }

    /// <summary>A consistent copy of the pool's state.</summary>
    public PoolSnapshot Snapshot()
    {
        lock (_lock)
        {
            return Snapshot_NeedsLock();
        }
    }

    /// <summary>
    /// Moves to <paramref name="to"/>, applying <paramref name="change"/> under the lock.
    /// <see cref="PoolState.Ready"/> needs a serving engine (a pid and an endpoint).
    /// </summary>
    /// <exception cref="InvalidOperationException">When the transition is not allowed.</exception>
    internal PoolSnapshot Transition(PoolState to, Action<PoolMutation>? change = null)
    {
        PoolSnapshot snapshot;
        lock (_lock)
        {
            if (!Allowed(_state, to))
            {
                throw new InvalidOperationException($"pool {Id} cannot go from {_state} to {to}");
            }

            var mutation = new PoolMutation(this);
            change?.Invoke(mutation);
            if (to == PoolState.Ready && (_pid is null || _endpoint is null || !_live))
            {
                throw new InvalidOperationException($"pool {Id} cannot be ready without a serving engine");
            }

            _state = to;
            SetGate_NeedsLock();
            snapshot = Snapshot_NeedsLock();
        }

        Changed?.Invoke(this, snapshot);
        return snapshot;
    }

    /// <summary>Moves from <paramref name="from"/> to <paramref name="to"/> only if the pool is in <paramref name="from"/> now; false otherwise.</summary>
    internal bool TryTransition(PoolState from, PoolState to)
    {
        PoolSnapshot snapshot;
        lock (_lock)
        {
            if (_state != from || !Allowed(from, to) || (to == PoolState.Ready && (_pid is null || _endpoint is null || !_live)))
            {
                return false;
            }

            _state = to;
            SetGate_NeedsLock();
            snapshot = Snapshot_NeedsLock();
        }

        Changed?.Invoke(this, snapshot);
        return true;
    }

    /// <summary>Applies <paramref name="change"/> without a state change (counters, errors).</summary>
    internal PoolSnapshot Update(Action<PoolMutation> change)
    {
        PoolSnapshot snapshot;
        lock (_lock)
        {
            change(new PoolMutation(this));
            snapshot = Snapshot_NeedsLock();
        }

        Changed?.Invoke(this, snapshot);
        return snapshot;
    }

    internal void Restore(int crashCount, int restartCount, string? lastError)
    {
        lock (_lock)
        {
            _crashCount = crashCount;
            _restartCount = restartCount;
            _lastError = lastError;
        }
    }

    private static bool Allowed(PoolState from, PoolState to) => from switch
    {
        _ when from == to => to is PoolState.Starting or PoolState.Failed or PoolState.Stopped or PoolState.Restarting,
        PoolState.Registered => to is PoolState.Starting or PoolState.Stopped or PoolState.Failed,
        PoolState.Starting => to is PoolState.Ready or PoolState.Restarting or PoolState.Failed or PoolState.Stopped,
        PoolState.Ready => to is PoolState.Draining or PoolState.Reloading or PoolState.Restarting or PoolState.Failed or PoolState.Stopped,
        PoolState.Draining => to is PoolState.Ready or PoolState.Reloading or PoolState.Stopped or PoolState.Restarting or PoolState.Failed,
        PoolState.Reloading => to is PoolState.Ready or PoolState.Failed or PoolState.Restarting or PoolState.Stopped,
        PoolState.Restarting => to is PoolState.Starting or PoolState.Failed or PoolState.Stopped,
        PoolState.Stopped => to is PoolState.Starting or PoolState.Failed,
        PoolState.Failed => to is PoolState.Starting or PoolState.Stopped or PoolState.Restarting,
        _ => false,
    };

    private PoolSnapshot Snapshot_NeedsLock() => new(
        Id, _spec, Metadata, _state, _live, _state == PoolState.Ready && _live, ActiveLeases,
        _crashCount, _restartCount, _lastError, _pid, _endpoint) { DeviceMemoryMiB = DeviceMemoryMiB };

    private void SetGate_NeedsLock()
    {
        var gate = _state switch
        {
            PoolState.Ready => GateOpen,
            PoolState.Draining => GateDraining,
            _ => GateNotReady,
        };
        SetGate(gate);
    }

    /// <summary>Changes applied under the pool's lock by <see cref="Transition"/> and <see cref="Update"/>.</summary>
    internal readonly struct PoolMutation(Pool pool)
    {
        public void SetEngine(int? pid, Uri? endpoint, bool live)
        {
            pool._pid = pid;
            pool._endpoint = endpoint;
            pool._live = live;
            pool.CurrentEngineLeases.Endpoint = endpoint;
        }

        /// <summary>A surge: the engine at <paramref name="endpoint"/> serves from now on, new leases go to it; returns the previous engine's leases.</summary>
        public EngineLeases SwitchEngine(EngineLeases leases, EngineSpec spec, int pid, Uri endpoint)
        {
            leases.Endpoint = endpoint;
            pool._spec = spec;
            pool._pid = pid;
            pool._endpoint = endpoint;
            pool._live = true;
            return pool.SwitchEngineLeases(leases);
        }

        public void SetSpec(EngineSpec spec) => pool._spec = spec;

        /// <summary>The state before this change.</summary>
        public PoolState State => pool._state;

        public void SetLastError(string? error) => pool._lastError = error;

        public void CountCrash() => pool._crashCount++;

        public void CountRestart() => pool._restartCount++;
    }
}
