using Microsoft.Extensions.Time.Testing;

namespace Runtime.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that keeps every timer callback, so a test can run one after its timer was disposed:
/// what a real timer does when its callback was already queued on the thread pool.
/// </summary>
internal sealed class CallbackKeepingTimeProvider() : FakeTimeProvider(TestClock.Start)
{
    private readonly List<(TimerCallback Callback, object? State)> _callbacks = [];

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _callbacks.Add((callback, state));
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Runs every callback ever given to a timer once, disposed or not.</summary>
    public void FireAll()
    {
        foreach (var (callback, state) in _callbacks)
        {
            callback(state);
        }
    }
}
