using Microsoft.Extensions.Time.Testing;

namespace Runtime.Tests.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that counts the timers created from it and not yet disposed, to prove none leaks.</summary>
internal sealed class TimerCountingTimeProvider() : FakeTimeProvider(TestClock.Start)
{
    private int _live;

    /// <summary>Timers created and not disposed.</summary>
    public int LiveTimers => Volatile.Read(ref _live);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _live);
        return new CountedTimer(base.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class CountedTimer(ITimer inner, TimerCountingTimeProvider owner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }

            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
