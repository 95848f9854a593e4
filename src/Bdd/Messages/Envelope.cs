using Bdd.Gherkin;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;

namespace Bdd.Messages;

/// <summary>
/// Cucumber Messages envelopes as single NDJSON lines (no trailing newline), with
/// @cucumber/messages field names and the field order and omissions of the reference
/// implementation (@cucumber/gherkin's generateMessages printed with JSON.stringify).
/// </summary>
public static class Envelope
{
    /// <summary>
    /// A generic envelope <c>{"&lt;kind&gt;":{...}}</c>: <paramref name="writeBody"/> writes the fields of
    /// the inner object. For run events, e.g. <c>Envelope.Create("testRunStarted", w =&gt; w.Timestamp("timestamp", now))</c>.
    /// </summary>
    public static string Create(string kind, Action<JsonLineWriter> writeBody)
    {
        var writer = new JsonLineWriter();
        writer.StartObject().Name(kind).StartObject();
        writeBody(writer);
        writer.EndObject().EndObject();
        return writer.ToString();
    }

    /// <summary><c>{"source":{"data":..,"uri":..,"mediaType":"text/x.cucumber.gherkin+plain"}}</c>.</summary>
    public static string Source(string uri, string data, string mediaType = MediaTypes.GherkinPlain) =>
        Create("source", w => w.String("data", data).String("uri", uri).String("mediaType", mediaType));

    /// <summary><c>{"gherkinDocument":{"feature":..,"comments":[..],"uri":..}}</c>.</summary>
    public static string GherkinDocument(GherkinDocument document) =>
        Create("gherkinDocument", w => GherkinDocumentJson.WriteDocumentFields(w, document));

    /// <summary><c>{"pickle":{..}}</c>.</summary>
    public static string Pickle(Pickle pickle) =>
        Create("pickle", w => PickleJson.WritePickleFields(w, pickle));

    /// <summary><c>{"parseError":{"source":{"uri":..,"location":{..}},"message":"(l:c): .."}}</c>.</summary>
    public static string ParseError(ParseError error) =>
        Create("parseError", w =>
        {
            w.Name("source").StartObject().String("uri", error.Uri);
            GherkinDocumentJson.WriteLocation(w, "location", error.Location);
            w.EndObject().String("message", error.Message);
        });
}

/// <summary>Media types of Cucumber Messages sources.</summary>
public static class MediaTypes
{
    /// <summary>A classic ".feature" Gherkin file.</summary>
    public const string GherkinPlain = "text/x.cucumber.gherkin+plain";
}
