using System.Runtime.InteropServices;

namespace ProcessOwnership.Tests;

/// <summary>The two libc calls the test needs.</summary>
internal static partial class Native
{
    private const int PrSetChildSubreaper = 36;
    private const int Sigkill = 9;

    /// <summary>
    /// Makes this process a child subreaper (<c>prctl(PR_SET_CHILD_SUBREAPER)</c>): a process of the nested run orphaned
    /// by the kill is re-parented to this process instead of init, so it is still found among this process's descendants.
    /// </summary>
    public static void BecomeSubreaper()
    {
        if (prctl(PrSetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException($"prctl(PR_SET_CHILD_SUBREAPER) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Sends SIGKILL to process <paramref name="pid"/>; false when it no longer exists.</summary>
    public static bool Kill(int pid) => kill(pid, Sigkill) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
