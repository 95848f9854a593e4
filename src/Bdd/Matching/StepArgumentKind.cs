namespace Bdd.Matching;

/// <summary>The extra argument a step carries.</summary>
internal enum StepArgumentKind
{
    None,
    DataTable,
    DocString,
}
