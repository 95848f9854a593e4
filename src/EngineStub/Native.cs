using System.Runtime.InteropServices;

namespace EngineStub;

/// <summary>The few libc calls the stub needs to die by a real signal without leaving a core file.</summary>
internal static partial class Native
{
    private const int RlimitCore = 4;
    private const int PrSetDumpable = 4;

    public static int? SignalNumber(string name) => name.ToUpperInvariant() switch
    {
        "SIGHUP" => 1,
        "SIGINT" => 2,
        "SIGQUIT" => 3,
        "SIGILL" => 4,
        "SIGABRT" => 6,
        "SIGBUS" => 7,
        "SIGFPE" => 8,
        "SIGKILL" => 9,
        "SIGSEGV" => 11,
        "SIGTERM" => 15,
        _ => null,
    };

    /// <summary>
    /// Restores the default action of <paramref name="signal"/> (the .NET runtime handles SIGSEGV,
    /// SIGABRT, SIGTERM... itself), disables core files, then sends the signal to this process.
    /// </summary>
    public static void DieBy(int signal)
    {
        var noCore = new RLimit { Current = 0, Max = 0 };
        _ = setrlimit(RlimitCore, ref noCore);
        _ = prctl(PrSetDumpable, 0, 0, 0, 0);
        _ = signal_(signal, IntPtr.Zero);
        _ = kill(getpid(), signal);
    }

    public static int ParentPid() => getppid();

    /// <summary>True while process <paramref name="pid"/> exists (kill(pid, 0) does not fail with ESRCH).</summary>
    public static bool Exists(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() != 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial int getpid();

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial IntPtr signal_(int signum, IntPtr handler);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, ref RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
