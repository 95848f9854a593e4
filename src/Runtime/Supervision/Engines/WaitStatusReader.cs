using System.Runtime.InteropServices;

namespace Runtime.Supervision.Engines;

/// <summary>
/// Reads a child's real wait status without reaping it: <c>waitid(P_PID, pid, WEXITED | WNOWAIT)</c>
/// blocks (on a dedicated thread) until the child ends and leaves it waitable, so .NET's own SIGCHLD
/// handling still reaps it and completes <see cref="System.Diagnostics.Process"/>. If .NET reaps first,
/// waitid fails with ECHILD and the caller falls back to <see cref="ExitStatusSource.ExitAnnouncement"/> or
/// <see cref="ExitStatusSource.ExitCodeInference"/>. Under load the race is lost now and then (both threads
/// are woken by the exit; whichever the scheduler runs first wins), which is why the fallbacks exist.
/// Linux only (siginfo_t layout of x86-64 and arm64).
/// </summary>
internal static class WaitStatusReader
{
    private const int PPid = 1;
    private const int WExited = 4;
    private const int WNoWait = 0x01000000;
    private const int CldExited = 1;
    private const int CldKilled = 2;
    private const int CldDumped = 3;
    private const int EIntr = 4;

    /// <summary>Starts a background thread that completes with the status, or null when unavailable.</summary>
    public static Task<EngineExit?> Watch(int pid)
    {
        var result = new TaskCompletionSource<EngineExit?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!OperatingSystem.IsLinux())
        {
            result.SetResult(null);
            return result.Task;
        }

        var thread = new Thread(() => result.SetResult(Wait(pid)))
        {
            IsBackground = true,
            // Stryker disable once String : equivalent, a name for debuggers and dumps only
            Name = $"waitid {pid}",
        };
        thread.Start();
        return result.Task;
    }

    private static EngineExit? Wait(int pid)
    {
        var info = new byte[128];
        while (true)
        {
            // Stryker disable once Statement : equivalent, a successful waitid writes the fields read below
            Array.Clear(info);
            if (waitid(PPid, pid, ref info[0], WExited | WNoWait) == 0)
            {
                var code = BitConverter.ToInt32(info, 8);
                var status = BitConverter.ToInt32(info, 24);
                return code switch
                {
                    CldExited => EngineExit.Exited(status),
                    CldKilled => EngineExit.Killed(status),
                    CldDumped => EngineExit.Killed(status, coreDumped: true),
                    _ => null,
                };
            }

            if (Marshal.GetLastPInvokeError() != EIntr)
            {
                return null;
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int waitid(int idtype, int id, ref byte infop, int options);
}
