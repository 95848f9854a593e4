using Runtime.Supervision.Engines;

namespace Runtime.Supervision;

/// <summary>A line an engine of pool <paramref name="PoolId"/> wrote (<see cref="Supervisor.EngineOutput"/>).</summary>
/// <param name="PoolId">The pool whose engine wrote it.</param>
/// <param name="Line">The line, with the engine's pid and whether it went to stderr.</param>
public sealed record PoolEngineOutput(string PoolId, EngineOutputLine Line)
{
    /// <summary>The line's text.</summary>
    public string Text => Line.Text;

    /// <summary>The pid of the engine that wrote it.</summary>
    public int Pid => Line.Pid;
}
