using System.Runtime.InteropServices;

namespace Steps.Drivers;

/// <summary>What the operating system says of a process id, read from /proc (Linux, where the real-process scenarios run).</summary>
public static class OperatingSystemProcess
{
    /// <summary>True while process <paramref name="pid"/> exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="bound"/>, for process <paramref name="pid"/> to end, whoever its parent is: a
    /// pidfd (<c>pidfd_open</c>) becomes readable when the process exits, so the kernel wakes the wait; nothing polls.
    /// True when it has ended.
    /// </summary>
    public static Task<bool> WaitForExitAsync(int pid, TimeSpan bound) => Task.Factory.StartNew(
        () =>
        {
            var fd = syscall(PidfdOpen, pid, 0);
            if (fd < 0)
            {
                return !IsRunning(pid); // ESRCH: already gone
            }

            try
            {
                var poll = new PollFd { Fd = fd, Events = PollIn };
                return IsRunning(pid) is false || Poll(ref poll, 1, (int)bound.TotalMilliseconds) > 0;
            }
            finally
            {
                _ = close(fd);
            }
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    private const long PidfdOpen = 434; // the same number on x86-64 and arm64
    private const short PollIn = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int syscall(long number, int pid, uint flags);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int Poll(ref PollFd fds, ulong count, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
