using System.Collections.Specialized;

namespace Bdd;

/// <summary>
/// What a running scenario declares. <see cref="Tags"/> are the scenario's own tags (plus its examples
/// block's for an outline row), <see cref="CombinedTags"/> add the feature's and rule's; all without '@'.
/// <see cref="Arguments"/> maps an outline row's column names to its values, in column order (empty otherwise).
/// </summary>
public sealed class ScenarioInfo
{
    /// <summary>Creates the info.</summary>
    public ScenarioInfo(string title, string? description, string[] tags, IOrderedDictionary arguments, string[]? inheritedTags = null)
    {
        Title = title;
        Description = description;
        Tags = tags;
        Arguments = arguments;
        CombinedTags = inheritedTags is null ? tags : [.. inheritedTags.Concat(tags).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The scenario's title (placeholders substituted for outline rows).</summary>
    public string Title { get; }

    /// <summary>The description under the scenario title, or null.</summary>
    public string? Description { get; }

    /// <summary>The scenario's own tags (and its examples block's), without '@'.</summary>
    public string[] Tags { get; }

    /// <summary>Feature + rule + scenario + examples tags, without '@', without duplicates.</summary>
    public string[] CombinedTags { get; }

    /// <summary>Example row values by column name (ordered); empty for a plain scenario.</summary>
    public IOrderedDictionary Arguments { get; }

    /// <summary>The rule's title when the scenario is inside a Rule, else null.</summary>
    public string? Rule { get; init; }
}
