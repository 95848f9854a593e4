using Microsoft.Extensions.Logging;

namespace Runtime.Tests.Support;

/// <summary>
/// An <see cref="ILogger"/> that keeps every structured log event, for assertions on event names and fields; as an
/// <see cref="ILoggerFactory"/> it keeps the events of every logger it made, each with its category.
/// </summary>
public sealed class RecordingLogger : ILogger, ILoggerFactory
{
    private readonly List<RecordedLogEntry> _entries = [];

    /// <summary>Every event logged so far, in order.</summary>
    public IReadOnlyList<RecordedLogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The events with the given event name, in order.</summary>
    public IReadOnlyList<RecordedLogEntry> WithEvent(string eventName) => Entries.Where(e => e.EventId.Name == eventName).ToList();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Record(null, logLevel, eventId, state, exception, formatter);

    /// <inheritdoc />
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
        var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new RecordedLogEntry(logLevel, eventId, formatter(state, exception), fields.ToDictionary(kv => kv.Key, kv => kv.Value)) { Category = category };
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    private sealed class CategoryLogger(RecordingLogger records, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Record(category, logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>One structured log event: level, id and name, rendered message and named fields, and the logger's category.</summary>
public sealed record RecordedLogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields)
{
    /// <summary>The category of the logger that logged it (the component's type); null when logged on the recorder itself.</summary>
    public string? Category { get; init; }
}
