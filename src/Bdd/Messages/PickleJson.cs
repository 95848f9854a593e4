using Bdd.Gherkin.Pickles;

namespace Bdd.Messages;

/// <summary>Writes the Pickle message fields in the reference's order (see <see cref="Envelope"/>).</summary>
internal static class PickleJson
{
    public static void WritePickleFields(JsonLineWriter w, Pickle pickle)
    {
        // The reference builds scenario pickles and outline-row pickles with different literal orders.
        var outlineRow = pickle.AstNodeIds.Count > 1;
        w.String("id", pickle.Id).String("uri", pickle.Uri);
        GherkinDocumentJson.WriteLocation(w, "location", pickle.Location);
        w.Strings("astNodeIds", pickle.AstNodeIds);
        if (!outlineRow)
        {
            WriteTags(w, pickle.Tags);
        }

        w.String("name", pickle.Name).String("language", pickle.Language);
        w.Name("steps").StartArray();
        foreach (var step in pickle.Steps)
        {
            WriteStep(w, step);
        }

        w.EndArray();
        if (outlineRow)
        {
            WriteTags(w, pickle.Tags);
        }
    }

    private static void WriteStep(JsonLineWriter w, PickleStep step)
    {
        w.StartObject().String("id", step.Id).String("text", step.Text).StringIfNotNull("type", step.Type?.ToString());
        if (step.Argument != null)
        {
            w.Name("argument").StartObject();
            if (step.Argument.DocString is { } docString)
            {
                w.Name("docString").StartObject().NumberIfNotNull("argumentIndex", docString.ArgumentIndex)
                    .String("content", docString.Content).StringIfNotNull("mediaType", docString.MediaType).EndObject();
            }

            if (step.Argument.DataTable is { } table)
            {
                w.Name("dataTable").StartObject().NumberIfNotNull("argumentIndex", table.ArgumentIndex).Name("rows").StartArray();
                foreach (var row in table.Rows)
                {
                    w.StartObject().Name("cells").StartArray();
                    foreach (var cell in row.Cells)
                    {
                        w.StartObject().String("value", cell.Value).EndObject();
                    }

                    w.EndArray().EndObject();
                }

                w.EndArray().EndObject();
            }

            w.EndObject();
        }

        w.Strings("astNodeIds", step.AstNodeIds).EndObject();
    }

    private static void WriteTags(JsonLineWriter w, IReadOnlyList<PickleTag> tags)
    {
        w.Name("tags").StartArray();
        foreach (var tag in tags)
        {
            w.StartObject().String("name", tag.Name).String("astNodeId", tag.AstNodeId).EndObject();
        }

        w.EndArray();
    }
}
