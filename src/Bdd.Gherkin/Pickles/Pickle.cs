using System.Collections.Generic;

namespace Bdd.Gherkin.Pickles
{
    // Compiled, runnable scenarios, shaped after the @cucumber/messages Pickle schema.

    /// <summary>
    /// One runnable scenario: a Scenario, or one Examples row of an outline, with background steps
    /// prepended, placeholders substituted and tags inherited (feature, rule, scenario, examples).
    /// <see cref="AstNodeIds"/> holds the scenario id, then the example row id for an outline row.
    /// </summary>
    public sealed record Pickle(
        string Id,
        string Uri,
        Ast.Location Location,
        string Name,
        string Language,
        IReadOnlyList<PickleStep> Steps,
        IReadOnlyList<PickleTag> Tags,
        IReadOnlyList<string> AstNodeIds);

    public enum PickleStepType
    {
        Unknown,
        Context,
        Action,
        Outcome,
    }

    /// <summary>A step to run. <see cref="AstNodeIds"/>: the step id, then the example row id for outline rows.</summary>
    public sealed record PickleStep(
        PickleStepArgument? Argument,
        IReadOnlyList<string> AstNodeIds,
        string Id,
        PickleStepType? Type,
        string Text);

    /// <summary>Exactly one of the two is set.</summary>
    public sealed record PickleStepArgument(PickleDocString? DocString = null, PickleTable? DataTable = null);

    public sealed record PickleDocString(string? MediaType, string Content);

    public sealed record PickleTable(IReadOnlyList<PickleTableRow> Rows);

    public sealed record PickleTableRow(IReadOnlyList<PickleTableCell> Cells);

    public sealed record PickleTableCell(string Value);

    public sealed record PickleTag(string Name, string AstNodeId);
}
