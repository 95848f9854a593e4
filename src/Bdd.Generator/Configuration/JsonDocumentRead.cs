using System.Collections.Generic;

namespace Bdd.Generator.Configuration
{
    /// <summary>A character span in the JSON text (start offset and length).</summary>
    internal readonly struct JsonSpan
    {
        public JsonSpan(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }
    }

    /// <summary>The first syntax error of a JSON text: character offset, length (0 at the end of the text) and message.</summary>
    internal sealed class JsonSyntaxError
    {
        public JsonSyntaxError(int position, int length, string message)
        {
            Position = position;
            Length = length;
            Message = message;
        }

        public int Position { get; }

        public int Length { get; }

        public string Message { get; }
    }

    /// <summary>The result of <see cref="TolerantJson.Read"/>.</summary>
    internal sealed class JsonDocumentRead
    {
        private readonly Dictionary<string, JsonSpan> _spans;

        public JsonDocumentRead(object? value, JsonSyntaxError? error, Dictionary<string, JsonSpan> spans)
        {
            Value = value;
            Error = error;
            _spans = spans;
        }

        /// <summary>The value read (what was read so far when <see cref="Error"/> is set).</summary>
        public object? Value { get; }

        /// <summary>The first syntax error, or null when the text is valid JSON (with comments and trailing commas).</summary>
        public JsonSyntaxError? Error { get; }

        /// <summary>The span of the value at <paramref name="path"/> ("a.b[0]", "" for the root), or null when absent.</summary>
        public JsonSpan? SpanOf(string path) => _spans.TryGetValue(path, out var span) ? span : (JsonSpan?)null;
    }
}
