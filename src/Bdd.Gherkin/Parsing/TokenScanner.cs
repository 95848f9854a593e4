using System.Collections.Generic;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>
    /// Splits the source on "\n" or "\r\n" (a trailing whitespace-only line is dropped, as the
    /// reference does) and hands out one token per line, then end-of-file tokens.
    /// </summary>
    internal sealed class TokenScanner
    {
        private readonly List<string> lines = new List<string>();
        private int lineNumber;

        public TokenScanner(string source)
        {
            var start = 0;
            for (var i = 0; i < source.Length; i++)
            {
                if (source[i] == '\n')
                {
                    var end = i > start && source[i - 1] == '\r' ? i - 1 : i;
                    lines.Add(source.Substring(start, end - start));
                    start = i + 1;
                }
            }

            lines.Add(source.Substring(start));
            if (JsText.Trim(lines[lines.Count - 1]).Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
        }

        public Token Read()
        {
            var index = lineNumber++;
            var line = index < lines.Count ? new GherkinLine(lines[index], lineNumber) : null;
            return new Token(line, lineNumber);
        }
    }
}
