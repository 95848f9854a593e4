using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.CircuitBreaker;

/// <summary>
/// One circuit of a pool (the general one or a crash reason's own). Not thread-safe by itself: every member that
/// reads or writes state runs under the owning <see cref="PoolCircuitBreaker"/>'s lock (hence <c>_NeedsLock</c>).
/// Transitions are appended to a list the breaker raises after leaving the lock.
/// </summary>
internal sealed class Circuit(PoolCircuitBreaker owner, CrashReason? reason, CircuitSettings settings)
{
    private ITimer? _timer;

    public CrashReason? Reason { get; } = reason;

    public string Name { get; } = reason is { } r ? CrashReasonNames.GetName(r) : CircuitBreakerConstants.GeneralCircuitName;

    public CircuitState State { get; private set; }

    public int Failures { get; private set; }

    public TimeSpan OpenDuration { get; private set; } = settings.OpenDuration;

    public DateTimeOffset OpenUntil { get; private set; }

    public bool ProbeOutstanding { get; private set; }

    /// <summary>When the current run (a probe, or a run of a closed circuit) reported started; null when none runs.</summary>
    public DateTimeOffset? RunStartedAt { get; private set; }

    /// <summary>Applies the transitions that time alone causes: open → half-open, stable run → success.</summary>
    public void Refresh_NeedsLock(DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        switch (State)
        {
            case CircuitState.Open when now >= OpenUntil:
                ProbeOutstanding = false;
                RunStartedAt = null;
                Move_NeedsLock(CircuitState.HalfOpen, now, ref changes);
                break;
            case CircuitState.HalfOpen when RunStartedAt is { } s && now - s >= settings.StableRun:
                Failures = 0;
                OpenDuration = settings.OpenDuration;
                // Stryker disable once Boolean : equivalent, the flag is read only while half-open, and entering half-open clears it
                ProbeOutstanding = false;
                RunStartedAt = null;
                Move_NeedsLock(CircuitState.Closed, now, ref changes);
                break;
            case CircuitState.Closed when RunStartedAt is { } s && now - s >= settings.StableRun:
                Failures = 0;
                RunStartedAt = null;
                break;
        }
    }

    /// <summary>Whether this circuit lets a restart through (without changing anything).</summary>
    public bool Admits_NeedsLock() => State switch
    {
        CircuitState.Closed => true,
        CircuitState.HalfOpen => !ProbeOutstanding,
        _ => false,
    };

    public void AdmitProbe_NeedsLock()
    {
        if (State == CircuitState.HalfOpen)
        {
            ProbeOutstanding = true;
        }
    }

    public void Started_NeedsLock(DateTimeOffset now)
    {
        switch (State)
        {
            case CircuitState.Closed:
            case CircuitState.HalfOpen when ProbeOutstanding:
                RunStartedAt = now;
                if (!owner.SharesStableRun)
                {
                    Arm_NeedsLock(settings.StableRun);
                }

                break;
        }
    }

    /// <summary>The engine stopped. <paramref name="counted"/>: the failure belongs to this circuit.</summary>
    public void Stopped_NeedsLock(bool failed, bool counted, DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        RunStartedAt = null;
        if (counted)
        {
            Failures = Failures == int.MaxValue ? Failures : Failures + 1;
        }

        switch (State)
        {
            case CircuitState.Closed when counted && Failures >= settings.FailureThreshold:
                Open_NeedsLock(now, ref changes);
                break;
            case CircuitState.HalfOpen when ProbeOutstanding && failed:
                OpenDuration = TimeSpan.FromTicks((long)Math.Min(OpenDuration.Ticks * settings.OpenDurationMultiplier, settings.MaxOpenDuration.Ticks));
                Open_NeedsLock(now, ref changes);
                break;
            case CircuitState.HalfOpen:
                ProbeOutstanding = false;
                break;
        }
    }

    /// <summary>Forces the circuit open (restart storm). An open circuit keeps its current deadline.</summary>
    public void Trip_NeedsLock(DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        if (State != CircuitState.Open)
        {
            Open_NeedsLock(now, ref changes);
        }
    }

    public void Reset_NeedsLock(DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        Failures = 0;
        OpenDuration = settings.OpenDuration;
        // Stryker disable once Boolean : equivalent, the flag is read only while half-open, and entering half-open clears it
        ProbeOutstanding = false;
        RunStartedAt = null;
        // Stryker disable once Statement : equivalent, a timer left armed finds a closed circuit with no run to judge
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (State != CircuitState.Closed)
        {
            Move_NeedsLock(CircuitState.Closed, now, ref changes);
        }
    }

    public void Dispose_NeedsLock() => _timer?.Dispose();

    private void Open_NeedsLock(DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        // Stryker disable once Boolean : equivalent, the flag is read only while half-open, and entering half-open clears it
        ProbeOutstanding = false;
        RunStartedAt = null;
        OpenUntil = now + OpenDuration;
        Arm_NeedsLock(OpenDuration);
        Move_NeedsLock(CircuitState.Open, now, ref changes);
    }

    private void Move_NeedsLock(CircuitState next, DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        var old = State;
        State = next;
        (changes ??= []).Add(new CircuitStateChange(owner.PoolId, Name, Reason, old, next, Failures, now,
            next == CircuitState.Open ? OpenUntil : null));
    }

    private void Arm_NeedsLock(TimeSpan dueIn)
    {
        _timer ??= owner.CreateTimer();
        _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
    }
}

/// <summary>The validated, immutable copy of <see cref="CircuitBreakerOptions"/> shared by a breaker's circuits.</summary>
internal sealed record CircuitSettings(int FailureThreshold, TimeSpan OpenDuration, TimeSpan MaxOpenDuration,
    double OpenDurationMultiplier, TimeSpan StableRun);
