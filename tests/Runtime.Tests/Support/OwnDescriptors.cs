namespace Runtime.Tests.Support;

/// <summary>
/// This process's open file descriptors, read from <c>/proc/self/fd</c> (Linux): which of them are ends of a given
/// process's pipes, and which of those are write ends (<c>/proc/self/fdinfo</c>'s flags).
/// </summary>
internal static class OwnDescriptors
{
    private const int AccessMode = 3;
    private const int WriteOnly = 1;

    /// <summary>The pipes ("pipe:[inode]") that are <paramref name="pid"/>'s stdin, stdout and stderr, in that order.</summary>
    public static string[] StandardPipesOf(int pid) =>
        [.. Enumerable.Range(0, 3).Select(fd => new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget ?? "")];

    /// <summary>This process's descriptors open on one of <paramref name="pipes"/>; only the write ends when <paramref name="writeEnds"/>.</summary>
    public static IReadOnlyList<int> On(IEnumerable<string> pipes, bool writeEnds = false)
    {
        var wanted = pipes.ToHashSet(StringComparer.Ordinal);
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateFiles("/proc/self/fd"))
        {
            var fd = int.Parse(Path.GetFileName(entry), System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                if (new FileInfo(entry).LinkTarget is { } target && wanted.Contains(target)
                    && (!writeEnds || IsWriteEnd(fd)))
                {
                    found.Add(fd);
                }
            }
            catch (IOException)
            {
                // Closed (by another test's code) while this was reading: not one of the pipes asked about.
            }
        }

        return found;
    }

    private static bool IsWriteEnd(int fd)
    {
        var flags = File.ReadLines($"/proc/self/fdinfo/{fd}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
        return (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & AccessMode) == WriteOnly;
    }
}
