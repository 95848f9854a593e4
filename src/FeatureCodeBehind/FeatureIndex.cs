namespace FeatureCodeBehind;

/// <summary>What the last run knew of one feature: a hash of its text, its folder and its class names.</summary>
internal sealed record IndexedFeature(string Relative, string Hash, string FolderPath, string Preferred, string Assigned);

/// <summary>
/// The record that makes the tool incremental: per feature, a hash of the text its outputs were generated from and its
/// class names. A feature whose text is unchanged since then is not parsed again (editing one feature of 500 re-parses
/// one). The index is void when the settings or the tool change (<see cref="Stamp"/>).
/// </summary>
internal static class FeatureIndex
{
    public const string FileName = "features.index";

    /// <summary>What the outputs also depend on: the generator settings, the root namespace and the tool itself.</summary>
    public static string Stamp(GeneratorConfig config, string rootNamespace) => string.Join("|",
        "v1", rootNamespace, config.FeatureLanguage, string.Join(",", config.NonParallelizableTags),
        typeof(FeatureIndex).Assembly.ManifestModule.ModuleVersionId.ToString());

    public static Dictionary<string, IndexedFeature> Read(string directory, string stamp)
    {
        var path = Path.Combine(directory, FileName);
        var entries = new Dictionary<string, IndexedFeature>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != stamp)
        {
            return entries;
        }

        foreach (var fields in lines.Skip(1).Select(line => line.Split('\t')).Where(fields => fields.Length == 5))
        {
            entries[fields[0]] = new IndexedFeature(fields[0], fields[1], fields[2], fields[3], fields[4]);
        }

        return entries;
    }

    public static void Write(string directory, string stamp, IEnumerable<IndexedFeature> entries) =>
        CodeBehindFiles.WriteIfChanged(Path.Combine(directory, FileName), string.Join("\n", new[] { stamp }.Concat(entries.Select(e =>
            string.Join('\t', e.Relative, e.Hash, e.FolderPath, e.Preferred, e.Assigned)))) + "\n");

    /// <summary>The hash of a feature's text.</summary>
    public static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
