using Microsoft.Extensions.Logging;

namespace Runtime.Tests.Support;

/// <summary>An <see cref="ILogger"/> that keeps every structured log event, for assertions on event names and fields.</summary>
public sealed class RecordingLogger : ILogger
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
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        var entry = new RecordedLogEntry(logLevel, eventId, formatter(state, exception), fields.ToDictionary(kv => kv.Key, kv => kv.Value));
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

/// <summary>One structured log event: level, id and name, rendered message and named fields.</summary>
public sealed record RecordedLogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields);
