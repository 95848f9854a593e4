namespace Bdd.Formatters;

/// <summary>
/// Where reports go. Relative output paths (e.g. "reports/cucumber-messages.ndjson") are relative to the
/// repository root: the nearest folder above <see cref="AppContext.BaseDirectory"/> holding
/// <c>Specs.sln</c>, or the current directory when there is none. The environment variable
/// <c>BDD_REPORTS_DIR</c>, when set, replaces the leading "reports" folder of a relative path (or, for a
/// relative path not under "reports", becomes its base); a relative BDD_REPORTS_DIR is relative to the
/// repository root too. Absolute paths are kept as they are.
/// </summary>
public static class FormatterPaths
{
    /// <summary>The environment variable that relocates the reports.</summary>
    public const string ReportsDirectoryVariable = "BDD_REPORTS_DIR";

    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "Specs.sln";

    /// <summary>The repository root (see the type docs), searched from <paramref name="start"/> (default AppContext.BaseDirectory).</summary>
    public static string RepositoryRoot(string? start = null)
        => FindUpwards(start ?? AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, RootMarker)))
           ?? Directory.GetCurrentDirectory();

    /// <summary>
    /// The absolute path of a configured <paramref name="outputFilePath"/>: absolute paths unchanged, relative ones
    /// against <paramref name="baseDirectory"/>, or under <paramref name="reportsDirectory"/> (itself relative to <paramref name="baseDirectory"/>) when that is set.
    /// </summary>
    public static string Resolve(string outputFilePath, string baseDirectory, string? reportsDirectory)
    {
        if (Path.IsPathRooted(outputFilePath))
            return Path.GetFullPath(outputFilePath);
        if (string.IsNullOrWhiteSpace(reportsDirectory))
            return Path.GetFullPath(Path.Combine(baseDirectory, outputFilePath));
        var normalized = outputFilePath.Replace('\\', '/');
        if (normalized.StartsWith("./", StringComparison.Ordinal))
            normalized = normalized[2..];
        if (normalized.StartsWith("reports/", StringComparison.Ordinal))
            normalized = normalized["reports/".Length..];
        return Path.GetFullPath(Path.Combine(baseDirectory, reportsDirectory, normalized));
    }

    /// <summary>The first folder from <paramref name="start"/> upwards that satisfies <paramref name="match"/>, or null.</summary>
    public static string? FindUpwards(string start, Func<string, bool> match)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (match(dir.FullName))
                return dir.FullName;
        }
        return null;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (UTF-8, no BOM), creating its folder.</summary>
    internal static void WriteAllText(string path, string content)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
    }
}
