using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>Every <c>*.feature</c> under a folder, parsed with the Gherkin package, so that features that did not run still appear.</summary>
internal static class FeatureFiles
{
    /// <summary>
    /// Parses every feature under <paramref name="folder"/>. Uris are relative to the folder's parent
    /// (<c>features/supervision/drain.feature</c>), as Reqnroll reports them. A file that does not parse is kept with its errors.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static IReadOnlyList<DocFeature> Read(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The features folder {root} does not exist.");
        }

        var parent = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
        return Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Select(path => Parse(Path.GetRelativePath(parent, path).Replace('\\', '/'), File.ReadAllText(path)))
            .OrderBy(f => f.Uri, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Parses one feature's text.</summary>
    public static DocFeature Parse(string uri, string text)
    {
        try
        {
            var ast = new Parser { StopAtFirstError = false }.Parse(new StringReader(text));
            var ids = new IncrementingIdGenerator();
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
            var pickles = document.Feature is null ? [] : new PickleCompiler(ids).Compile(document);
            return new DocFeature(uri, document, pickles, []);
        }
        catch (CompositeParserException errors)
        {
            return new DocFeature(uri, null, [], errors.Errors.Select(e => Describe(uri, e)).ToArray());
        }
        catch (ParserException error)
        {
            return new DocFeature(uri, null, [], [Describe(uri, error)]);
        }
    }

    /// <summary>
    /// The uri among <paramref name="uris"/> that names the same file as <paramref name="uri"/> (a run's uri): the same
    /// uri, else the only one that ends with it or that it ends with, at a folder boundary (the run reports
    /// <c>features/supervision/drain.feature</c>; <c>--features features/supervision</c> reads <c>supervision/drain.feature</c>).
    /// </summary>
    public static string? Match(IEnumerable<string> uris, string uri)
    {
        var candidates = uris.ToList();
        if (candidates.Contains(uri, StringComparer.Ordinal))
        {
            return uri;
        }

        var suffixes = candidates.Where(c => uri.EndsWith("/" + c, StringComparison.Ordinal) || c.EndsWith("/" + uri, StringComparison.Ordinal)).Take(2).ToList();
        return suffixes.Count == 1 ? suffixes[0] : null;
    }

    private static string Describe(string uri, ParserException error) => $"{uri}:{error.Location?.Line}:{error.Location?.Column}: {error.Message}";
}
