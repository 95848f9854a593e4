namespace Runtime.Supervision.Engines;

/// <summary>
/// POSIX signal numbers as Linux (x86-64 and arm64) defines them, and their names ("SIGSEGV").
/// </summary>
public static class Signals
{
    /// <summary>Hang-up (1).</summary>
    public const int SIGHUP = 1;

    /// <summary>Interrupt (2).</summary>
    public const int SIGINT = 2;

    /// <summary>Quit (3).</summary>
    public const int SIGQUIT = 3;

    /// <summary>Illegal instruction (4).</summary>
    public const int SIGILL = 4;

    /// <summary>Abort (6).</summary>
    public const int SIGABRT = 6;

    /// <summary>Bus error (7).</summary>
    public const int SIGBUS = 7;

    /// <summary>Floating-point exception (8).</summary>
    public const int SIGFPE = 8;

    /// <summary>Kill, cannot be caught (9). Also what the kernel out-of-memory killer sends.</summary>
    public const int SIGKILL = 9;

    /// <summary>Segmentation fault (11).</summary>
    public const int SIGSEGV = 11;

    /// <summary>Termination request (15): the graceful stop.</summary>
    public const int SIGTERM = 15;

    private static readonly Dictionary<int, string> Names = new()
    {
        [SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
        [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
        [SIGSEGV] = "SIGSEGV", [SIGTERM] = "SIGTERM",
    };

    /// <summary>The name of <paramref name="signal"/> ("SIGSEGV"), or "SIG{n}" for one without a name here.</summary>
    public static string Name(int signal) => Names.TryGetValue(signal, out var name) ? name : $"SIG{signal}";

    /// <summary>The number of a signal name ("SIGSEGV" or "SEGV", any case); null when unknown.</summary>
    public static int? Number(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var upper = name.ToUpperInvariant();
        upper = upper.StartsWith("SIG", StringComparison.Ordinal) ? upper : "SIG" + upper;
        foreach (var (number, known) in Names)
        {
            if (known == upper)
            {
                return number;
            }
        }

        return null;
    }
}
