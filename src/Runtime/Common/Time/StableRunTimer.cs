namespace Runtime.Common.Time;

/// <summary>
/// One timer for every rule that forgets a pool's crashes after a stable run: started when the engine is running, it
/// tells each rule, in order of their periods, when its period has passed since the start. A new start begins again.
/// Each rule checks its own run start when told, so a callback racing a newer start does nothing.
/// </summary>
internal sealed class StableRunTimer : IDisposable
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly (TimeSpan After, Action Elapsed)[] _stages;
    private ITimer? _timer;
    private DateTimeOffset? _startedAt;
    private int _next;
    private bool _disposed;

    /// <summary>A timer telling each of <paramref name="stages"/> when its stable period has passed.</summary>
    public StableRunTimer(TimeProvider time, params (TimeSpan After, Action Elapsed)[] stages)
    {
        _time = time;
        _stages = [.. stages.OrderBy(s => s.After)];
    }

    /// <summary>The engine is running from now: every stable period is measured from here.</summary>
    public void Started()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _startedAt = _time.GetUtcNow();
            _next = 0;
            Arm_NeedsLock();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }

    private void OnTimer()
    {
        List<Action> due = [];
        lock (_lock)
        {
            if (_disposed || _startedAt is not { } started)
            {
                return;
            }

            var elapsed = _time.GetUtcNow() - started;
            while (_next < _stages.Length && _stages[_next].After <= elapsed)
            {
                due.Add(_stages[_next++].Elapsed);
            }

            Arm_NeedsLock();
        }

        foreach (var elapsed in due)
        {
            elapsed();
        }
    }

    private void Arm_NeedsLock()
    {
        if (_next >= _stages.Length)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var dueIn = _startedAt!.Value + _stages[_next].After - _time.GetUtcNow();
        _timer ??= _time.CreateTimer(static s => ((StableRunTimer)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan);
    }
}
