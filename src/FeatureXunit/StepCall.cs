using Reqnroll;

namespace FeatureXunit;

/// <summary>
/// One step of a scenario as Reqnroll's runner takes it: the call, the keyword as written, the text with an
/// outline's values filled in, its doc string or data table, and where it is in the feature file.
/// </summary>
internal sealed record StepCall(StepKind Kind, string Keyword, string Text, string? DocString, IReadOnlyList<IReadOnlyList<string>>? Rows, long Line)
{
    /// <summary>Makes the runner's call; a fresh <see cref="Table"/> each time, as steps may change the one they get.</summary>
    public Task RunAsync(ITestRunner runner)
    {
        var table = Rows is null ? null : CreateTable(Rows);
        return Kind switch
        {
            StepKind.Given => runner.GivenAsync(Text, DocString, table, Keyword),
            StepKind.When => runner.WhenAsync(Text, DocString, table, Keyword),
            StepKind.Then => runner.ThenAsync(Text, DocString, table, Keyword),
            StepKind.And => runner.AndAsync(Text, DocString, table, Keyword),
            _ => runner.ButAsync(Text, DocString, table, Keyword),
        };
    }

    private static Table CreateTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table([.. rows[0]]);
        foreach (var row in rows.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }
}
