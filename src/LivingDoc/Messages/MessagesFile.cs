using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace LivingDoc.Messages;

/// <summary>A Cucumber Messages NDJSON file (or standard input) that cannot be read.</summary>
internal sealed class MessagesFormatException(string source, int line, string message)
    : System.Exception($"{source}:{line}: not a Cucumber message: {message}")
{
    public string File { get; } = source;

    public int Line { get; } = line;
}

/// <summary>Reads Cucumber Messages, one envelope per line, with Reqnroll's serializer.</summary>
internal static class MessagesFile
{
    /// <summary>Every envelope of <paramref name="reader"/>; blank lines are skipped.</summary>
    /// <exception cref="MessagesFormatException">When a line is not an envelope; names <paramref name="source"/> and the line.</exception>
    public static IReadOnlyList<Envelope> Read(TextReader reader, string source)
    {
        var envelopes = new List<Envelope>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Envelope? envelope;
            try
            {
                envelope = NdjsonSerializer.Deserialize(line);
            }
            catch (System.Exception error) when (error is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                throw new MessagesFormatException(source, number, error.Message);
            }

            envelopes.Add(envelope ?? throw new MessagesFormatException(source, number, "the line is null"));
        }

        return envelopes;
    }
}
