using Bdd.Events;
using Bdd.Messages;

namespace Bdd.Formatters;

/// <summary>
/// Writes the run as Cucumber Messages NDJSON (one envelope per line, @cucumber/messages 34.x schema) to
/// <see cref="OutputFilePath"/> when the run finishes (TestRunFinished); <see cref="Flush"/> writes what was
/// collected so far. Each test case's envelopes are written together. Thread-safe.
/// </summary>
public sealed class MessageFormatter : IRunEventListener
{
    private readonly MessageCollector _collector = new();

    /// <summary>Creates a formatter writing to <paramref name="outputFilePath"/> (absolute; its folder is created).</summary>
    public MessageFormatter(string outputFilePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFilePath);
        OutputFilePath = outputFilePath;
        _collector.RunFinished += Write;
    }

    /// <summary>The NDJSON file written.</summary>
    public string OutputFilePath { get; }

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent) => _collector.OnEvent(runEvent);

    /// <summary>Writes the envelopes collected so far (the run need not be finished).</summary>
    public void Flush() => Write(_collector.Envelopes);

    /// <summary>The NDJSON text of <paramref name="envelopes"/>: each followed by "\n".</summary>
    public static string ToNdjson(IEnumerable<string> envelopes)
    {
        using var writer = new StringWriter();
        foreach (var envelope in envelopes)
            MessageWriter.WriteEnvelope(writer, envelope);
        return writer.ToString();
    }

    private void Write(IReadOnlyList<string> envelopes)
    {
        FormatterPaths.WriteAllText(OutputFilePath, ToNdjson(envelopes));
    }
}
