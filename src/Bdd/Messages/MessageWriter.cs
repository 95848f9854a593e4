using Bdd.Gherkin;

namespace Bdd.Messages;

/// <summary>Which Gherkin envelopes <see cref="MessageWriter.GherkinEnvelopes"/> produces.</summary>
public sealed class GherkinMessageOptions
{
    /// <summary>Emit the source envelope first. Default true.</summary>
    public bool IncludeSource { get; set; } = true;

    /// <summary>Emit the gherkinDocument envelope (only when the file parses). Default true.</summary>
    public bool IncludeGherkinDocument { get; set; } = true;

    /// <summary>Emit one pickle envelope per pickle (only when the file parses). Default true.</summary>
    public bool IncludePickles { get; set; } = true;

    /// <summary>Dialect for files without a "# language:" header. Default "en".</summary>
    public string DefaultLanguage { get; set; } = "en";
}

/// <summary>
/// Cucumber Messages NDJSON: one envelope per line, "\n" after each. The Gherkin part mirrors the
/// reference <c>generateMessages</c>: source, then gherkinDocument and pickles, or, for a file with
/// errors, one parseError per error instead of the document and pickles.
/// </summary>
public static class MessageWriter
{
    /// <summary>Writes one envelope line (from <see cref="Envelope"/>) followed by "\n".</summary>
    public static void WriteEnvelope(TextWriter writer, string envelope)
    {
        writer.Write(envelope);
        writer.Write('\n');
    }

    /// <summary>
    /// The envelopes for one feature file. <paramref name="ids"/> feeds both the AST and the
    /// pickles; share it across files of one stream to keep ids unique.
    /// </summary>
    public static IReadOnlyList<string> GherkinEnvelopes(string uri, string data, GherkinMessageOptions options, IIdGenerator ids)
    {
        var envelopes = new List<string>();
        if (options.IncludeSource)
        {
            envelopes.Add(Envelope.Source(uri, data));
        }

        if (!options.IncludeGherkinDocument && !options.IncludePickles)
        {
            return envelopes;
        }

        var result = GherkinParser.Parse(data, uri, new ParseOptions { DefaultLanguage = options.DefaultLanguage, IdGenerator = ids });
        if (!result.Succeeded || result.Document == null)
        {
            envelopes.AddRange(result.Errors.Select(Envelope.ParseError));
            return envelopes;
        }

        if (options.IncludeGherkinDocument)
        {
            envelopes.Add(Envelope.GherkinDocument(result.Document));
        }

        if (options.IncludePickles)
        {
            envelopes.AddRange(PickleCompiler.Compile(result.Document, ids).Select(Envelope.Pickle));
        }

        return envelopes;
    }
}
