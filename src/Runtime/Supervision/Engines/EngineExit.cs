namespace Runtime.Supervision.Engines;

/// <summary>How an engine process ended: a plain exit code or a death by signal, never both.</summary>
/// <param name="ExitCode">The code passed to exit(); null for a signal death.</param>
/// <param name="Signal">The signal that killed the process (see <see cref="Signals"/>); null for a plain exit.</param>
/// <param name="CoreDumped">True when the kernel reported a core dump (only known from the wait status).</param>
/// <param name="Source">How the status was obtained; see <see cref="ExitStatusSource"/> for the precision of each.</param>
/// <param name="RawExitCode">.NET's <see cref="System.Diagnostics.Process.ExitCode"/> (128 + signal for a signal death).</param>
public readonly record struct EngineExit(int? ExitCode, int? Signal, bool CoreDumped, ExitStatusSource Source, int RawExitCode)
{
    /// <summary>True when the process died by a signal.</summary>
    public bool IsSignal => Signal is not null;

    /// <summary>True for exit code 0.</summary>
    public bool IsGraceful => ExitCode == 0;

    /// <summary>The signal's name ("SIGSEGV") or null for a plain exit.</summary>
    public string? SignalName => Signal is { } signal ? Signals.Name(signal) : null;

    /// <summary>A plain exit with <paramref name="code"/>.</summary>
    public static EngineExit Exited(int code, ExitStatusSource source = ExitStatusSource.WaitStatus) =>
        new(code, null, false, source, code);

    /// <summary>A death by <paramref name="signal"/>.</summary>
    public static EngineExit Killed(int signal, ExitStatusSource source = ExitStatusSource.WaitStatus, bool coreDumped = false) =>
        new(null, signal, coreDumped, source, 128 + signal);

    /// <summary>Reads a .NET exit code alone (see <see cref="ExitStatusSource.ExitCodeInference"/>).</summary>
    public static EngineExit FromDotNetExitCode(int code) =>
        // Stryker disable once Equality : equivalent, 128 itself would ask for signal 0, which is no signal
        code > 128 && KnownSignal(code - 128)
            ? Killed(code - 128, ExitStatusSource.ExitCodeInference)
            : Exited(code, ExitStatusSource.ExitCodeInference);

    /// <inheritdoc />
    public override string ToString() => Signal is { } ? $"killed by {SignalName}" : $"exit code {ExitCode}";

    private static bool KnownSignal(int signal) => Signals.Number(Signals.Name(signal)) == signal;
}
