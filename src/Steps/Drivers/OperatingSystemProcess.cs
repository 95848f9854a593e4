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
    /// True while process <paramref name="pid"/> runs with no kill under way: no SIGKILL pending (/proc status SigPnd,
    /// ShdPnd) and not exiting (PF_EXITING in /proc stat's flags). A process the kernel has been told to kill fails this
    /// at once, before it has ended.
    /// </summary>
    public static bool IsRunningUnkilled(int pid)
    {
        const ulong SigKill = 1UL << (9 - 1);
        const ulong Exiting = 0x4;
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            ulong Mask(string field) => Convert.ToUInt64(status.Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim(), 16);
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var flags = ulong.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[6], System.Globalization.CultureInfo.InvariantCulture);
            return IsRunning(pid) && ((Mask("SigPnd") | Mask("ShdPnd")) & SigKill) == 0 && (flags & Exiting) == 0;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="bound"/>, for process <paramref name="pid"/> to end, whoever its parent is: a
    /// pidfd becomes readable when the process exits, so the kernel wakes the wait (<see cref="EngineStub.ProcessExit"/>);
    /// nothing polls. True when it has ended.
    /// </summary>
    public static Task<bool> WaitForExitAsync(int pid, TimeSpan bound) => Task.Factory.StartNew(
        () => !IsRunning(pid) || EngineStub.ProcessExit.Wait(pid, bound) is true,
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);
}
