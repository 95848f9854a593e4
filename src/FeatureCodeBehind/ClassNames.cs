namespace FeatureCodeBehind;

/// <summary>A feature as class naming sees it: its uri, folder and the name its title gives.</summary>
internal sealed record NamedFeature(string Uri, string FolderPath, string Preferred);

/// <summary>
/// The class name of each feature's code-behind: its title PascalCased plus <c>Feature</c> (<c>DrainFeature</c>), as
/// Reqnroll names them. Features of one folder whose titles give the same name are told apart by their file names
/// instead (<c>drain-deadline.feature</c> -> <c>DrainDeadlineFeature</c>), then by a number.
/// </summary>
internal static class ClassNames
{
    /// <summary>The class name of every feature that has a Feature, by uri.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<ParsedFeature> features) =>
        Assign(features.Where(f => f.Document.Feature is not null).Select(f => new NamedFeature(f.Uri, f.FolderPath, Preferred(f))));

    /// <summary>The class name of every feature, by uri.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<NamedFeature> features)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in features.GroupBy(f => f.FolderPath, StringComparer.Ordinal))
        {
            var byTitle = folder.ToLookup(f => f.Preferred, StringComparer.Ordinal);
            var taken = new HashSet<string>(byTitle.Where(g => g.Count() == 1).Select(g => g.Key), StringComparer.Ordinal);
            foreach (var feature in folder.OrderBy(f => f.Uri, StringComparer.Ordinal))
            {
                names[feature.Uri] = byTitle[feature.Preferred].Count() == 1
                    ? feature.Preferred
                    : TestNames.Unique(TestNames.PascalCase(Path.GetFileNameWithoutExtension(feature.Uri), "Unnamed") + "Feature", taken);
            }
        }

        return names;
    }

    /// <summary>The name from the title alone.</summary>
    public static string Preferred(ParsedFeature feature) =>
        TestNames.PascalCase(feature.Document.Feature?.Name ?? "", "Unnamed") + "Feature";
}
