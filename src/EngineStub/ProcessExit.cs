using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EngineStub;

/// <summary>
/// Waits for any process to end, whoever its parent is, through a pidfd (<c>pidfd_open</c>, Linux 5.3) that the kernel
/// makes readable when the process exits: nothing polls. Shared as source by the engine stub, the manager host and the
/// specifications' drivers.
/// </summary>
internal static class ProcessExit
{
    private const long PidfdOpen = 434; // the same number on x86-64 and arm64
    private const short PollIn = 1;
    private const int NoSuchProcess = 3;
    private const int Interrupted = 4;

    /// <summary>
    /// Waits at most <paramref name="bound"/> (<see cref="Timeout.InfiniteTimeSpan"/>: without end) for process
    /// <paramref name="pid"/> to end. True once it has ended (or when there is no such process), false when the bound
    /// passed first, null when the kernel gives no pidfd for it (too old a kernel, no permission).
    /// </summary>
    public static bool? Wait(int pid, TimeSpan bound)
    {
        var fd = (int)syscall(PidfdOpen, pid, 0);
        if (fd < 0)
        {
            return Marshal.GetLastPInvokeError() == NoSuchProcess ? true : null;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            while (true)
            {
                var left = bound == Timeout.InfiniteTimeSpan ? -1 : (int)Math.Max(0, (bound - Stopwatch.GetElapsedTime(started)).TotalMilliseconds);
                var poll = new PollFd { Fd = fd, Events = PollIn };
                var ready = poll_(ref poll, 1, left);
                if (ready >= 0 || Marshal.GetLastPInvokeError() != Interrupted)
                {
                    return ready > 0;
                }
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, int pid, uint flags);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int poll_(ref PollFd fds, ulong count, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
