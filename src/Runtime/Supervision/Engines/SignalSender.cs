using System.Runtime.InteropServices;

namespace Runtime.Supervision.Engines;

/// <summary>Sends POSIX signals to processes through libc <c>kill(2)</c>.</summary>
public static class SignalSender
{
    /// <summary>
    /// Sends <paramref name="signal"/> (see <see cref="Signals"/>) to <paramref name="pid"/>.
    /// Returns false when the process does not exist any more (ESRCH) or may not be signalled.
    /// </summary>
    public static bool Send(int pid, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        return kill(pid, signal) == 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
