using Microsoft.Extensions.Time.Testing;

namespace Runtime.Tests.Support;

/// <summary>A <see cref="FakeTimeProvider"/> whose timers fire <paramref name="lateBy"/> after they are due: a busy machine's timers.</summary>
internal sealed class LateTimeProvider(TimeSpan lateBy) : FakeTimeProvider(TestClock.Start)
{
    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new LateTimer(base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, period), lateBy);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class LateTimer(ITimer inner, TimeSpan lateBy) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) =>
            inner.Change(dueTime == Timeout.InfiniteTimeSpan ? dueTime : dueTime + lateBy, period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
