namespace Runtime.Supervision.Engines;

/// <summary>Where an <see cref="EngineExit"/> learned how the process ended.</summary>
public enum ExitStatusSource
{
    /// <summary>
    /// The kernel's wait status, read with <c>waitid(P_PID, pid, WEXITED | WNOWAIT)</c> before .NET
    /// reaped the child: exact, a signal death and a plain exit code are told apart.
    /// </summary>
    WaitStatus,

    /// <summary>
    /// .NET reaped the child first, but the engine announced its plain exit on stdout just before exiting
    /// (a line <c>exiting with code N</c>, as the engine stub writes) and .NET's exit code is that N:
    /// a plain exit. A process killed by a signal cannot write that line (only one killed by signal N
    /// after announcing exit code 128 + N, while exiting, would be misread).
    /// </summary>
    ExitAnnouncement,

    /// <summary>
    /// Only .NET's <see cref="System.Diagnostics.Process.ExitCode"/> was available (.NET reaped the child
    /// first). .NET reports a signal death as 128 + signal, so an exit code above 128 that names a known
    /// signal is read as that signal: a process that itself calls exit(139) would be misread as SIGSEGV.
    /// </summary>
    ExitCodeInference,
}
