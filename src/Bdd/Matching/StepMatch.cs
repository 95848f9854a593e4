using Bdd.Bindings;

namespace Bdd.Matching;

/// <summary>The outcome of matching one step against the bindings.</summary>
internal enum MatchKind
{
    /// <summary>Exactly one definition (after scope specificity) matches with the right parameter count.</summary>
    Matched,
    /// <summary>No definition matches.</summary>
    Undefined,
    /// <summary>Several equally specific definitions match.</summary>
    Ambiguous,
    /// <summary>A definition's expression matches but its parameters do not fit the arguments (binding error).</summary>
    ParameterMismatch,
}

/// <summary>A match result: the binding and its argument texts when matched; the candidates otherwise.</summary>
internal readonly record struct StepMatch(MatchKind Kind, StepBinding? Binding, string[] Arguments, IReadOnlyList<StepBinding> Candidates);
