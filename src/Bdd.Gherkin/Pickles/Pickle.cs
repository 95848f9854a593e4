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

    /// <summary>
    /// One of the two is set, or both when the step has a doc string and a data table (then each
    /// carries its <c>ArgumentIndex</c>: 1 for the one written first, 2 for the other).
    /// </summary>
    public sealed record PickleStepArgument(PickleDocString? DocString = null, PickleTable? DataTable = null);

    public sealed record PickleDocString(string? MediaType, string Content)
    {
        /// <summary>1 or 2 when the step has both a doc string and a data table; null otherwise.</summary>
        public int? ArgumentIndex { get; init; }
    }

    public sealed record PickleTable(IReadOnlyList<PickleTableRow> Rows)
    {
        /// <summary>1 or 2 when the step has both a doc string and a data table; null otherwise.</summary>
        public int? ArgumentIndex { get; init; }
    }

    public sealed record PickleTableRow(IReadOnlyList<PickleTableCell> Cells);

    public sealed record PickleTableCell(string Value);

    public sealed record PickleTag(string Name, string AstNodeId);
}
