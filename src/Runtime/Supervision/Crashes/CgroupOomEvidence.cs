using System.Globalization;

namespace Runtime.Supervision.Crashes;

/// <summary>
/// Reads the <c>oom_kill</c> counter of this process's memory cgroup (engines run in the manager's
/// cgroup): cgroup v2 <c>/sys/fs/cgroup/&lt;path&gt;/memory.events</c>, else cgroup v1
/// <c>/sys/fs/cgroup/memory/&lt;path&gt;/memory.oom_control</c> (kernel 4.13+). The counter is
/// hierarchical and counts any OOM kill in the cgroup, so a rise between an engine's start and its
/// SIGKILL death is attributed to that engine: exact when the engine is the cgroup's only large
/// process, an over-attribution otherwise. Null when neither file exists or has the counter.
/// </summary>
public sealed class CgroupOomEvidence : IOomEvidence
{
    private readonly string? _file;

    /// <summary>Locates the counter file from <c>/proc/self/cgroup</c> (or uses <paramref name="file"/>).</summary>
    public CgroupOomEvidence(string? file = null)
    {
        _file = file ?? Locate("/proc/self/cgroup", "/sys/fs/cgroup");
    }

    /// <summary>The file read, or null when none was found.</summary>
    public string? File => _file;

    /// <inheritdoc />
    public long? ReadOomKillCount()
    {
        if (_file is null || !System.IO.File.Exists(_file))
        {
            return null;
        }

        foreach (var line in System.IO.File.ReadLines(_file))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["oom_kill", var value] && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return count;
            }
        }

        return null;
    }

    /// <summary>The counter file named by <paramref name="procCgroup"/> under <paramref name="cgroupRoot"/>: v2 first, then v1.</summary>
    internal static string? Locate(string procCgroup, string cgroupRoot)
    {
        if (!System.IO.File.Exists(procCgroup))
        {
            return null;
        }

        string? v1 = null;
        string? v2 = null;
        foreach (var line in System.IO.File.ReadLines(procCgroup))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            if (parts[0] == "0" && parts[1].Length == 0)
            {
                v2 = Path.Combine(cgroupRoot, parts[2].TrimStart('/'), "memory.events");
            }
            else if (parts[1].Split(',').Contains("memory"))
            {
                v1 = Path.Combine(cgroupRoot, "memory", parts[2].TrimStart('/'), "memory.oom_control");
            }
        }

        return v2 is not null && System.IO.File.Exists(v2) ? v2 : v1 is not null && System.IO.File.Exists(v1) ? v1 : null;
    }
}
