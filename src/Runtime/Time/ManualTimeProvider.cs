namespace Runtime.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when told to: <see cref="Advance"/> or
/// <see cref="SetUtcNow"/>. Timers created from it fire, in due-time order, on the thread that moves
/// the clock, each seeing <see cref="GetUtcNow"/> equal to its own due time. For specifications,
/// tests and simulations: a five-minute timeout is crossed in microseconds.
/// </summary>
/// <remarks>The clock starts at 2026-01-01T00:00:00Z unless another start is given. Thread-safe.</remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The default start of the clock.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _timestamp;

    /// <summary>Creates a clock reading <paramref name="start"/> (default <see cref="DefaultStart"/>).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? DefaultStart;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>Ticks of 100 ns since the clock was made.</summary>
    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _now + delta;
        }

        SetUtcNow(target);
    }

    /// <summary>Moves the clock to <paramref name="target"/>, firing due timers in order on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="target"/> is in the past.</exception>
    public void SetUtcNow(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_lock)
            {
                if (target < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(target), target, $"The clock cannot go back from {_now:O}.");
                }

                due = NextDueTimer_NeedsLock(target);
                var stop = due?.DueAt ?? target;
                _timestamp += (stop - _now).Ticks;
                _now = stop;
                due?.Schedule_NeedsLock(_now);
            }

            if (due is null)
            {
                return;
            }

            due.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The number of timers that are scheduled to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    private ManualTimer? NextDueTimer_NeedsLock(DateTimeOffset target)
    {
        ManualTimer? next = null;
        foreach (var timer in _timers)
        {
            if (timer.DueAt is { } due && due <= target && (next is null || due < next.DueAt))
            {
                next = timer;
            }
        }

        return next;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                if (!owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }

                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                return true;
            }
        }

        /// <summary>After firing: reschedule a periodic timer, or disarm a one-shot one.</summary>
        public void Schedule_NeedsLock(DateTimeOffset now)
        {
            DueAt = _period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero ? null : now + _period;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
