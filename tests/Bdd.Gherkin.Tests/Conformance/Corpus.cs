namespace Bdd.Gherkin.Tests.Conformance;

/// <summary>The feature files under testdata/ (copied next to the test assembly) and their goldens.</summary>
public static class Corpus
{
    public static string Root => AppContext.BaseDirectory;

    /// <summary>Uris relative to the project folder, e.g. "testdata/good/rules-and-backgrounds.feature".</summary>
    public static IEnumerable<string> FeatureUris(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, "testdata", folder), "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static string ReadText(string uri) => File.ReadAllText(Path.Combine(Root, uri));

    /// <summary>Reads like Node's readFileSync(path, 'utf-8'): the bytes decoded, nothing stripped.</summary>
    public static string ReadSource(string uri) =>
        new System.Text.UTF8Encoding(false).GetString(File.ReadAllBytes(Path.Combine(Root, uri)));

    public static string[] ReadGoldenLines(string uri) =>
        File.ReadAllText(Path.Combine(Root, uri + ".ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
