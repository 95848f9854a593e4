using Io.Cucumber.Messages.Types;

namespace FeatureXunit;

/// <summary>
/// The lines of a feature file that select one pickle, as <c>./specs file.feature:LINE</c> reads them: any line of
/// its scenario (tags, title, steps and their arguments) selects every pickle of it; for an outline, a line of an
/// Examples block's tags, title or header selects that block's rows, and a row's line that row alone.
/// </summary>
internal sealed record ScenarioLines(long First, long Last, long? Row, (long First, long Header)? ExamplesHead, IReadOnlyList<(long First, long Last)> ExamplesBlocks)
{
    /// <summary>Whether <paramref name="line"/> selects this pickle.</summary>
    public bool Covers(long line) =>
        line == Row
        || (ExamplesHead is { } head && line >= head.First && line <= head.Header)
        || (line >= First && line <= Last && !ExamplesBlocks.Any(block => line >= block.First && line <= block.Last));

    /// <summary>The lines of the pickle of <paramref name="scenario"/> (and of <paramref name="row"/> in <paramref name="examples"/>).</summary>
    public static ScenarioLines Of(Scenario scenario, Examples? examples, TableRow? row)
    {
        var blocks = scenario.Examples.Select(e => (First: Start(e.Tags, e.Location), Last: End(e))).ToArray();
        var last = scenario.Steps.Select(End).Append(scenario.Location.Line).Concat(blocks.Select(b => b.Last)).Max();
        (long, long)? head = examples is null ? null : (Start(examples.Tags, examples.Location), examples.TableHeader?.Location.Line ?? examples.Location.Line);
        return new ScenarioLines(Start(scenario.Tags, scenario.Location), last, row?.Location.Line, head, blocks);
    }

    private static long Start(IEnumerable<Tag> tags, Location keyword) => tags.Select(t => t.Location.Line).Append(keyword.Line).Min();

    private static long End(Examples examples) =>
        examples.TableBody.Select(r => r.Location.Line).Append(examples.TableHeader?.Location.Line ?? 0).Append(examples.Location.Line).Max();

    private static long End(Step step) =>
        step.DataTable?.Rows.Select(r => r.Location.Line).Max()
        ?? (step.DocString is { } doc ? doc.Location.Line + doc.Content.Split('\n').Length + 1 : step.Location.Line);
}
