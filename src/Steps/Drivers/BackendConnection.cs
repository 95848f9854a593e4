namespace Steps.Drivers;

/// <summary>Connecting a model's backend, as the factory does before it makes a context: fails while told to, and counts attempts.</summary>
public sealed class BackendConnection
{
    private string? _failure;

    /// <summary>Connection attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>From now on every connection fails with <paramref name="message"/>.</summary>
    public void FailWith(string message) => _failure = message;

    /// <summary>From now on connections succeed.</summary>
    public void Recover() => _failure = null;

    /// <summary>One attempt: <paramref name="backend"/>, or the failure.</summary>
    public T Connect<T>(T backend)
    {
        Attempts++;
        return _failure is { } message ? throw new IOException(message) : backend;
    }
}
