using System.Collections.Generic;

namespace Bdd.Gherkin.Ast
{
    // The Gherkin document model, shaped after the @cucumber/messages GherkinDocument schema:
    // same node kinds, same field names (PascalCase here, camelCase on the wire), same ids.

    /// <summary>A parsed feature file. <see cref="Feature"/> is null for a file holding only comments.</summary>
    public sealed record GherkinDocument(string Uri, Feature? Feature, IReadOnlyList<Comment> Comments);

    public sealed record Comment(Location Location, string Text);

    public sealed record Tag(Location Location, string Name, string Id);

    public sealed record Feature(
        Location Location,
        IReadOnlyList<Tag> Tags,
        string Language,
        string Keyword,
        string Name,
        string Description,
        IReadOnlyList<FeatureChild> Children);

    /// <summary>Exactly one of the three is set.</summary>
    public sealed record FeatureChild(Rule? Rule = null, Background? Background = null, Scenario? Scenario = null);

    public sealed record Rule(
        Location Location,
        IReadOnlyList<Tag> Tags,
        string Keyword,
        string Name,
        string Description,
        IReadOnlyList<RuleChild> Children,
        string Id);

    /// <summary>Exactly one of the two is set.</summary>
    public sealed record RuleChild(Background? Background = null, Scenario? Scenario = null);

    public sealed record Background(
        Location Location,
        string Keyword,
        string Name,
        string Description,
        IReadOnlyList<Step> Steps,
        string Id);

    /// <summary>A Scenario, Example, Scenario Outline or Scenario Template (an outline has Examples).</summary>
    public sealed record Scenario(
        Location Location,
        IReadOnlyList<Tag> Tags,
        string Keyword,
        string Name,
        string Description,
        IReadOnlyList<Step> Steps,
        IReadOnlyList<Examples> Examples,
        string Id);

    public sealed record Examples(
        Location Location,
        IReadOnlyList<Tag> Tags,
        string Keyword,
        string Name,
        string Description,
        TableRow? TableHeader,
        IReadOnlyList<TableRow> TableBody,
        string Id);

    public sealed record TableRow(Location Location, IReadOnlyList<TableCell> Cells, string Id);

    public sealed record TableCell(Location Location, string Value);

    public enum StepKeywordType
    {
        Unknown,
        Context,
        Action,
        Outcome,
        Conjunction,
    }

    public sealed record Step(
        Location Location,
        string Keyword,
        StepKeywordType? KeywordType,
        string Text,
        DocString? DocString,
        DataTable? DataTable,
        string Id);

    public sealed record DocString(Location Location, string? MediaType, string Content, string Delimiter);

    public sealed record DataTable(Location Location, IReadOnlyList<TableRow> Rows);
}
