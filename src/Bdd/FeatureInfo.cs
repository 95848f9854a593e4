using System.Globalization;

namespace Bdd;

/// <summary>What a feature file declares: title, description, tags (without '@'), language and path.</summary>
public sealed class FeatureInfo
{
    /// <summary>Creates the info.</summary>
    public FeatureInfo(CultureInfo language, string folderPath, string title, string? description, params string[] tags)
    {
        Language = language;
        FolderPath = folderPath;
        Title = title;
        Description = description;
        Tags = tags;
    }

    /// <summary>The feature's title.</summary>
    public string Title { get; }

    /// <summary>The description under the title (trimmed), or null.</summary>
    public string? Description { get; }

    /// <summary>The feature's tags, without '@'.</summary>
    public string[] Tags { get; }

    /// <summary>The Gherkin language of the file ("en" by default).</summary>
    public CultureInfo Language { get; }

    /// <summary>The folder of the file relative to the project ("features/supervision").</summary>
    public string FolderPath { get; }

    /// <summary>The file's uri ("features/supervision/drain.feature").</summary>
    public string FilePath { get; init; } = string.Empty;
}
