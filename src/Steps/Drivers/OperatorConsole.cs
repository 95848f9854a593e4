namespace Steps.Drivers;

/// <summary>
/// The operator's console: a caller with one thread (a terminal's loop, a desktop window) that starts reloads and may
/// wait for them on that thread. A runtime that asked for that thread back, to carry a reload on, would wait for it
/// forever. This console counts each time it is asked, and carries the work on elsewhere so that a scenario still ends.
/// </summary>
public sealed class OperatorConsole : SynchronizationContext
{
    private int _asked;

    /// <summary>How many times the work the console started asked for the console's thread.</summary>
    public int TimesAsked => Volatile.Read(ref _asked);

    /// <summary>Calls <paramref name="start"/> on the console, as a command typed there would be, then returns to the caller's context.</summary>
    public T Start<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Fails when the work the console started has asked for its thread: what a console waiting on it would never give.</summary>
    public void ThrowIfAsked(string what)
    {
        if (TimesAsked > 0)
        {
            throw new InvalidOperationException(
                $"{what} asked {TimesAsked} time(s) for the thread of the console that started it: a console waiting for it on that thread would hang");
        }
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _asked);
        ThreadPool.UnsafeQueueUserWorkItem(_ => RunHere(d, state), null);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _asked);
        RunHere(d, state);
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="d"/> with the console current, as a console's own thread would.</summary>
    private void RunHere(SendOrPostCallback d, object? state) => Start(() =>
    {
        d(state);
        return 0;
    });
}
