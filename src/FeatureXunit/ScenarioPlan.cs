using System.Collections.Specialized;
using Reqnroll;

namespace FeatureXunit;

/// <summary>
/// What a generated test does for one pickle, taken from the feature's GherkinDocument and pickle: the
/// <see cref="ScenarioInfo"/> arguments, the rule, and the step calls in pickle order.
/// </summary>
internal sealed record ScenarioPlan(
    string Title,
    string? Description,
    string[] Tags,
    string[] InheritedTags,
    IReadOnlyList<KeyValuePair<string, string>> Arguments,
    RuleInfo? Rule,
    IReadOnlyList<StepCall> Steps,
    long Line)
{
    /// <summary>A new <see cref="ScenarioInfo"/> for a run of pickle <paramref name="pickleIndex"/>.</summary>
    public ScenarioInfo CreateInfo(int pickleIndex)
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in Arguments)
        {
            arguments[name] = value;
        }

        return new ScenarioInfo(Title, Description, Tags, arguments, InheritedTags, pickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
