using Microsoft.Extensions.Logging;

namespace Steps.Drivers;

/// <summary>
/// The scenario's logger for the restart policies: keeps every structured log event (level, event name,
/// named fields) so Then steps can read what an operator would see in the logs.
/// </summary>
public sealed class PolicyLogger : ILogger, ILoggerFactory
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
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Record(null, logLevel, eventId, state, exception, formatter);

    /// <summary>A logger of <paramref name="categoryName"/> (a component's type) whose events are kept here, with their category.</summary>
    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Record<TState>(string? category, LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = (state as IReadOnlyList<KeyValuePair<string, object?>> ?? []).ToDictionary(kv => kv.Key, kv => kv.Value);
        lock (_entries)
        {
            _entries.Add(new PolicyLogEntry(logLevel, eventId.Name, formatter(state, exception), fields) { Category = category });
        }

        Logged?.Invoke();
    }

    private sealed class CategoryLogger(PolicyLogger records, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Record(category, logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>One log event: level, stable event name, rendered message and named fields.</summary>
public sealed record PolicyLogEntry(LogLevel Level, string? EventName, string Message, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>The category of the logger that logged it (the component's type); null when logged on the scenario's logger itself.</summary>
    public string? Category { get; init; }

    /// <summary>The field <paramref name="name"/> (null when absent).</summary>
    public object? this[string name] => Fields.GetValueOrDefault(name);
}
