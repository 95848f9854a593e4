namespace Bdd.Bindings;

/// <summary>One [Scope]: every set condition must hold. Tags are compared without '@', ignoring case.</summary>
internal sealed class BindingScope(string? tag, string? feature, string? scenario)
{
    public string? Tag { get; } = tag?.TrimStart('@');

    public string? Feature { get; } = feature;

    public string? Scenario { get; } = scenario;

    /// <summary>How many conditions are set: more is more specific.</summary>
    public int Specificity => (Tag is null ? 0 : 1) + (Feature is null ? 0 : 1) + (Scenario is null ? 0 : 1);

    public bool Matches(ScopeTarget target)
        => (Tag is null || target.HasTag(Tag))
           && (Feature is null || string.Equals(Feature, target.FeatureTitle, StringComparison.Ordinal))
           && (Scenario is null || target.ScenarioTitle is null
               || string.Equals(Scenario, target.ScenarioTitle, StringComparison.Ordinal)
               || string.Equals(Scenario, target.ScenarioOutlineTitle, StringComparison.Ordinal));

    public override string ToString()
        => string.Join(", ", new[] { Tag is null ? null : $"Tag = \"{Tag}\"", Feature is null ? null : $"Feature = \"{Feature}\"", Scenario is null ? null : $"Scenario = \"{Scenario}\"" }.Where(s => s is not null));

    /// <summary>
    /// The specificity of the best matching scope: 0 when unscoped, -1 when scoped and none matches.
    /// </summary>
    public static int Match(BindingScope[] scopes, ScopeTarget target)
    {
        if (scopes.Length == 0)
            return 0;
        var best = -1;
        foreach (var scope in scopes)
        {
            if (scope.Matches(target) && scope.Specificity > best)
                best = scope.Specificity;
        }
        return best;
    }
}

/// <summary>
/// What scopes and hook tag filters are checked against: a feature, and a scenario when known (for
/// feature hooks the scenario is unknown and a Scenario condition does not exclude).
/// </summary>
internal sealed class ScopeTarget(string featureTitle, string? scenarioTitle, string[] tags, string? scenarioOutlineTitle = null)
{
    /// <summary>The outline's title (placeholders not substituted); a scope may name either title.</summary>
    public string? ScenarioOutlineTitle { get; } = scenarioOutlineTitle;

    public string FeatureTitle { get; } = featureTitle;

    public string? ScenarioTitle { get; } = scenarioTitle;

    /// <summary>Tags without '@'.</summary>
    public string[] Tags { get; } = tags;

    public bool HasTag(string tag)
    {
        foreach (var t in Tags)
        {
            if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
