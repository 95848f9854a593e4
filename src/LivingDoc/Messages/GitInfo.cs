namespace LivingDoc.Messages;

/// <summary>
/// The commit and branch a folder is checked out at, read from its repository's files (<c>.git/HEAD</c>, the ref it
/// names, <c>packed-refs</c>; a worktree's <c>.git</c> file points to its git folder), as <c>git rev-parse HEAD</c>
/// would say, without starting a process. Null when the folder is in no repository or the files say nothing clear.
/// </summary>
internal static class GitInfo
{
    public static (string? Commit, string? Branch) Of(string folder)
    {
        try
        {
            var gitDir = Find(Path.GetFullPath(folder));
            if (gitDir is null || !File.Exists(Path.Combine(gitDir, "HEAD")))
            {
                return (null, null);
            }

            var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return (Hex(head), null);
            }

            var reference = head["ref: ".Length..].Trim();
            var common = File.Exists(Path.Combine(gitDir, "commondir"))
                ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
                : gitDir;
            var branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
            foreach (var dir in new[] { gitDir, common })
            {
                var file = Path.Combine(dir, reference.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(file))
                {
                    return (Hex(File.ReadAllText(file).Trim()), branch);
                }
            }

            var packed = Path.Combine(common, "packed-refs");
            var line = File.Exists(packed) ? File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + reference, StringComparison.Ordinal)) : null;
            return (line is null ? null : Hex(line.Split(' ')[0]), branch);
        }
        catch (IOException)
        {
            return (null, null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, null);
        }
    }

    private static string? Find(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git))
            {
                return git;
            }

            if (File.Exists(git) && File.ReadAllText(git).Trim() is var text && text.StartsWith("gitdir: ", StringComparison.Ordinal))
            {
                return Path.GetFullPath(text["gitdir: ".Length..].Trim(), dir.FullName);
            }
        }

        return null;
    }

    private static string? Hex(string text) => text.Length is >= 7 and <= 64 && text.All(Uri.IsHexDigit) ? text.ToLowerInvariant() : null;
}
