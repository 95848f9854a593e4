namespace Runtime.Supervision.Crashes;

/// <summary>
/// Evidence that the kernel's out-of-memory killer acted: a monotonic count of OOM kills. The
/// classifier reads it when an engine starts and again when the engine dies by SIGKILL; a rise means
/// the SIGKILL came from the OOM killer. The real source is <see cref="CgroupOomEvidence"/>; the kernel
/// OOM killer cannot be triggered in tests, so tests substitute this interface (the SIGKILL stays real).
/// </summary>
public interface IOomEvidence
{
    /// <summary>The OOM kill count now, or null when no evidence is available on this machine.</summary>
    long? ReadOomKillCount();
}
