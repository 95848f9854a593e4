using System.Globalization;

namespace ProcessOwnership.Tests;

/// <summary>One live process as /proc shows it.</summary>
internal sealed record ProcessEntry(int Pid, int ParentPid)
{
    /// <summary>Its command line, read now (empty once it has ended): for messages, and to find the test host among the run's processes.</summary>
    public string CommandLine()
    {
        try
        {
            return File.ReadAllText($"/proc/{Pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Pid} (parent {ParentPid}): {CommandLine()}";
}

/// <summary>The live processes of this machine, read from /proc, and the descendants of one of them by parent pid.</summary>
internal static class ProcessTable
{
    /// <summary>Every process that exists and is not a zombie.</summary>
    public static IReadOnlyList<ProcessEntry> Read()
    {
        var entries = new List<ProcessEntry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && TryRead(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The live descendants of <paramref name="root"/> in <paramref name="table"/>, each with its depth below it (1 for a child).</summary>
    public static IReadOnlyList<(ProcessEntry Process, int Depth)> DescendantsOf(int root, IReadOnlyList<ProcessEntry> table)
    {
        var children = table.ToLookup(p => p.ParentPid);
        var found = new List<(ProcessEntry, int)>();
        var next = new Queue<(int Pid, int Depth)>([(root, 0)]);
        while (next.TryDequeue(out var parent))
        {
            foreach (var child in children[parent.Pid])
            {
                found.Add((child, parent.Depth + 1));
                next.Enqueue((child.Pid, parent.Depth + 1));
            }
        }

        return found;
    }

    private static ProcessEntry? TryRead(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X")
            {
                return null;
            }

            return new ProcessEntry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // ended while it was read
        }
    }
}
