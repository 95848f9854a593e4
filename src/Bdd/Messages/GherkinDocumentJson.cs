using Bdd.Gherkin.Ast;

namespace Bdd.Messages;

/// <summary>Writes the GherkinDocument message fields in the reference's order (see <see cref="Envelope"/>).</summary>
internal static class GherkinDocumentJson
{
    public static void WriteDocumentFields(JsonLineWriter w, GherkinDocument document)
    {
        if (document.Feature != null)
        {
            w.Name("feature");
            WriteFeature(w, document.Feature);
        }

        w.Name("comments").StartArray();
        foreach (var comment in document.Comments)
        {
            w.StartObject();
            WriteLocation(w, "location", comment.Location);
            w.String("text", comment.Text).EndObject();
        }

        w.EndArray().String("uri", document.Uri);
    }

    public static void WriteLocation(JsonLineWriter w, string name, Location location) =>
        w.Name(name).StartObject().Number("line", location.Line).NumberIfNotNull("column", location.Column).EndObject();

    private static void WriteFeature(JsonLineWriter w, Feature feature)
    {
        w.StartObject();
        WriteTags(w, feature.Tags);
        WriteLocation(w, "location", feature.Location);
        w.String("language", feature.Language).String("keyword", feature.Keyword)
            .String("name", feature.Name).String("description", feature.Description);
        w.Name("children").StartArray();
        foreach (var child in feature.Children)
        {
            w.StartObject();
            if (child.Background != null)
            {
                w.Name("background");
                WriteBackground(w, child.Background);
            }
            else if (child.Scenario != null)
            {
                w.Name("scenario");
                WriteScenario(w, child.Scenario);
            }
            else if (child.Rule != null)
            {
                w.Name("rule");
                WriteRule(w, child.Rule);
            }

            w.EndObject();
        }

        w.EndArray().EndObject();
    }

    private static void WriteRule(JsonLineWriter w, Rule rule)
    {
        w.StartObject().String("id", rule.Id);
        WriteLocation(w, "location", rule.Location);
        w.String("keyword", rule.Keyword).String("name", rule.Name).String("description", rule.Description);
        w.Name("children").StartArray();
        foreach (var child in rule.Children)
        {
            w.StartObject();
            if (child.Background != null)
            {
                w.Name("background");
                WriteBackground(w, child.Background);
            }
            else if (child.Scenario != null)
            {
                w.Name("scenario");
                WriteScenario(w, child.Scenario);
            }

            w.EndObject();
        }

        w.EndArray();
        WriteTags(w, rule.Tags);
        w.EndObject();
    }

    private static void WriteBackground(JsonLineWriter w, Background background)
    {
        w.StartObject().String("id", background.Id);
        WriteLocation(w, "location", background.Location);
        w.String("keyword", background.Keyword).String("name", background.Name).String("description", background.Description);
        WriteSteps(w, background.Steps);
        w.EndObject();
    }

    private static void WriteScenario(JsonLineWriter w, Scenario scenario)
    {
        w.StartObject().String("id", scenario.Id);
        WriteTags(w, scenario.Tags);
        WriteLocation(w, "location", scenario.Location);
        w.String("keyword", scenario.Keyword).String("name", scenario.Name).String("description", scenario.Description);
        WriteSteps(w, scenario.Steps);
        w.Name("examples").StartArray();
        foreach (var examples in scenario.Examples)
        {
            WriteExamples(w, examples);
        }

        w.EndArray().EndObject();
    }

    private static void WriteExamples(JsonLineWriter w, Examples examples)
    {
        w.StartObject().String("id", examples.Id);
        WriteTags(w, examples.Tags);
        WriteLocation(w, "location", examples.Location);
        w.String("keyword", examples.Keyword).String("name", examples.Name).String("description", examples.Description);
        if (examples.TableHeader != null)
        {
            w.Name("tableHeader");
            WriteRow(w, examples.TableHeader);
        }

        WriteRows(w, "tableBody", examples.TableBody);
        w.EndObject();
    }

    private static void WriteSteps(JsonLineWriter w, IReadOnlyList<Step> steps)
    {
        w.Name("steps").StartArray();
        foreach (var step in steps)
        {
            w.StartObject().String("id", step.Id);
            WriteLocation(w, "location", step.Location);
            w.String("keyword", step.Keyword).StringIfNotNull("keywordType", step.KeywordType?.ToString()).String("text", step.Text);
            if (step.DataTable != null)
            {
                w.Name("dataTable").StartObject();
                WriteLocation(w, "location", step.DataTable.Location);
                WriteRows(w, "rows", step.DataTable.Rows);
                w.EndObject();
            }

            if (step.DocString != null)
            {
                w.Name("docString").StartObject();
                WriteLocation(w, "location", step.DocString.Location);
                w.String("content", step.DocString.Content).String("delimiter", step.DocString.Delimiter)
                    .StringIfNotNull("mediaType", step.DocString.MediaType).EndObject();
            }

            w.EndObject();
        }

        w.EndArray();
    }

    private static void WriteRows(JsonLineWriter w, string name, IReadOnlyList<TableRow> rows)
    {
        w.Name(name).StartArray();
        foreach (var row in rows)
        {
            WriteRow(w, row);
        }

        w.EndArray();
    }

    private static void WriteRow(JsonLineWriter w, TableRow row)
    {
        w.StartObject().String("id", row.Id);
        WriteLocation(w, "location", row.Location);
        w.Name("cells").StartArray();
        foreach (var cell in row.Cells)
        {
            w.StartObject();
            WriteLocation(w, "location", cell.Location);
            w.String("value", cell.Value).EndObject();
        }

        w.EndArray().EndObject();
    }

    private static void WriteTags(JsonLineWriter w, IReadOnlyList<Tag> tags)
    {
        w.Name("tags").StartArray();
        foreach (var tag in tags)
        {
            w.StartObject();
            WriteLocation(w, "location", tag.Location);
            w.String("name", tag.Name).String("id", tag.Id).EndObject();
        }

        w.EndArray();
    }
}
