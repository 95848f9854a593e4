namespace LivingDoc.Model;

/// <summary>Where a step ran: the feature, the scenario and the step's text.</summary>
internal sealed record StepUse(DocFeature Feature, string PickleId, string Scenario, string Step);

/// <summary>A step definition of the bindings and every step it matched in the run.</summary>
internal sealed record BindingUsage(string Pattern, string Method, IReadOnlyList<StepUse> Uses);

/// <summary>The step definitions with their uses, and the steps no definition, or more than one, matched.</summary>
internal sealed record StepUsage(IReadOnlyList<BindingUsage> Bindings, IReadOnlyList<StepUse> Undefined, IReadOnlyList<StepUse> Ambiguous)
{
    public static StepUsage Empty { get; } = new([], [], []);
}
