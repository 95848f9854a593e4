using Microsoft.Extensions.Logging;

namespace Steps.Drivers;

/// <summary>
/// The scenario's logger for the restart policies: keeps every structured log event (level, event name,
/// named fields) so Then steps can read what an operator would see in the logs.
/// </summary>
public sealed class PolicyLogger : ILogger
{
    private readonly List<PolicyLogEntry> _entries = [];

    /// <summary>Raised after each event is kept, outside the lock: a driver waiting for an event looks again.</summary>
    public event Action? Logged;

    /// <summary>The events with event name <paramref name="eventName"/>, in order.</summary>
    public IReadOnlyList<PolicyLogEntry> WithEvent(string eventName)
    {
        lock (_entries)
        {
            return _entries.Where(e => e.EventName == eventName).ToList();
        }
    }

    /// <summary>Every event, in order.</summary>
    public IReadOnlyList<PolicyLogEntry> All
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = (state as IReadOnlyList<KeyValuePair<string, object?>> ?? []).ToDictionary(kv => kv.Key, kv => kv.Value);
        lock (_entries)
        {
            _entries.Add(new PolicyLogEntry(logLevel, eventId.Name, formatter(state, exception), fields));
        }

        Logged?.Invoke();
    }
}

/// <summary>One log event: level, stable event name, rendered message and named fields.</summary>
public sealed record PolicyLogEntry(LogLevel Level, string? EventName, string Message, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>The field <paramref name="name"/> (null when absent).</summary>
    public object? this[string name] => Fields.GetValueOrDefault(name);
}
