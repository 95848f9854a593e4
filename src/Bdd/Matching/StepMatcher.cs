using Bdd.Bindings;

namespace Bdd.Matching;

/// <summary>
/// Matches a step against the definitions of its keyword type (Reqnroll's rule: [Given] matches Given
/// steps, And/But take the previous step's type, [StepDefinition] matches every type). Definitions whose
/// [Scope] excludes the scenario are ignored; among the matching ones the most specific scope wins
/// (more scope conditions first, then scoped over unscoped); a tie is ambiguous.
/// </summary>
internal static class StepMatcher
{
    public static StepMatch Match(BindingRegistry registry, StepDefinitionType type, string text, StepArgumentKind argument, ScopeTarget target)
    {
        var buckets = registry.Index(type).For(text);
        var extra = argument == StepArgumentKind.None ? 0 : 1;
        var best = -1;
        StepBinding? matched = null;
        string[] matchedArguments = [];
        List<StepBinding>? ties = null;
        List<StepBinding>? mismatches = null;
        for (var b = 0; b < StepIndex.Candidates.Count; b++)
        {
            var candidates = buckets[b];
            if (candidates is null)
                continue;
            foreach (var binding in candidates)
            {
                var specificity = BindingScope.Match(binding.Scopes, target);
                if (specificity < 0 || specificity < best)
                    continue;
                if (!binding.Expression.TryMatch(text, out var arguments))
                    continue;
                if (binding.ParameterCount != arguments.Length + extra)
                {
                    (mismatches ??= []).Add(binding);
                    continue;
                }
                if (specificity > best)
                {
                    best = specificity;
                    matched = binding;
                    matchedArguments = arguments;
                    ties?.Clear();
                }
                else
                {
                    (ties ??= []).Add(binding);
                }
            }
        }
        if (matched is not null)
        {
            return ties is { Count: > 0 }
                ? new StepMatch(MatchKind.Ambiguous, null, [], [matched, .. ties])
                : new StepMatch(MatchKind.Matched, matched, matchedArguments, []);
        }
        return mismatches is not null
            ? new StepMatch(MatchKind.ParameterMismatch, null, [], mismatches)
            : new StepMatch(MatchKind.Undefined, null, [], []);
    }

    /// <summary>Definitions of other keyword types whose expression matches (a hint for an undefined step).</summary>
    public static List<StepBinding> OtherKeywordMatches(BindingRegistry registry, StepDefinitionType type, string text)
    {
        var result = new List<StepBinding>();
        foreach (var binding in registry.Steps)
        {
            if (Array.IndexOf(binding.Types, type) < 0 && binding.Expression.TryMatch(text, out _))
                result.Add(binding);
        }
        return result;
    }
}
