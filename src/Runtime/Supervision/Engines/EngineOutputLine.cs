namespace Runtime.Supervision.Engines;

/// <summary>One line an engine wrote on stdout or stderr (without the newline).</summary>
/// <param name="Pid">The engine process id.</param>
/// <param name="Text">The line.</param>
/// <param name="IsError">True for stderr.</param>
/// <param name="At">When the line was observed, on the launcher's <see cref="TimeProvider"/>.</param>
public readonly record struct EngineOutputLine(int Pid, string Text, bool IsError, DateTimeOffset At);
