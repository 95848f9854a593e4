namespace Runtime.Supervision.Engines;

/// <summary>What to start: a command line, extra environment, and an observer for output lines.</summary>
public sealed class EngineLaunchRequest
{
    /// <summary>Creates a request for <paramref name="command"/> with <paramref name="arguments"/>.</summary>
    public EngineLaunchRequest(string command, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(arguments);
        Command = command;
        Arguments = arguments;
    }

    /// <summary>The executable (a path, or a name looked up on PATH).</summary>
    public string Command { get; }

    /// <summary>Arguments, passed as-is (no shell).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Extra environment variables (for example <c>CUDA_VISIBLE_DEVICES=0</c>); empty by default.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Called for every stdout/stderr line, on a thread-pool thread, in order per stream. Optional.</summary>
    public Action<EngineOutputLine>? OnOutput { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Command} {string.Join(' ', Arguments)}";
}
