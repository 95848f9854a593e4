using Bdd.Gherkin.Pickles;
using Bdd.Matching;

namespace Bdd.Execution;

/// <summary>One pickle step ready to run: keyword and line from the AST, resolved keyword type, argument, match.</summary>
internal sealed class StepPlan
{
    public StepPlan(PickleStep step, string keyword, int line, StepDefinitionType type, StepMatch match, string testStepId)
    {
        Step = step;
        Keyword = keyword;
        Line = line;
        Type = type;
        Match = match;
        TestStepId = testStepId;
        ArgumentKind = step.Argument?.DataTable is not null ? StepArgumentKind.DataTable
            : step.Argument?.DocString is not null ? StepArgumentKind.DocString
            : StepArgumentKind.None;
    }

    public PickleStep Step { get; }

    public string Text => Step.Text;

    /// <summary>As written, with its trailing space ("And ").</summary>
    public string Keyword { get; }

    public int Line { get; }

    public StepDefinitionType Type { get; }

    public StepArgumentKind ArgumentKind { get; }

    public StepMatch Match { get; }

    public string TestStepId { get; }

    /// <summary>A fresh table for one run (steps may change it), converted with <paramref name="culture"/>.</summary>
    public DataTable? CreateTable(System.Globalization.CultureInfo culture)
    {
        var rows = Step.Argument?.DataTable?.Rows;
        if (rows is null || rows.Count == 0)
            return null;
        var table = new Table([.. rows[0].Cells.Select(c => c.Value)]) { Culture = culture };
        for (var r = 1; r < rows.Count; r++)
            table.AddRow([.. rows[r].Cells.Select(c => c.Value)]);
        return table;
    }

    public string? DocString => Step.Argument?.DocString?.Content;
}
