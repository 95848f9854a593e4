using System.Collections.Generic;
using Bdd.Gherkin.Ast;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>A tag or a table cell found on a line: its 1-based column and text.</summary>
    internal readonly struct LineSpan
    {
        public LineSpan(int column, string text)
        {
            Column = column;
            Text = text;
        }

        public int Column { get; }

        public string Text { get; }
    }

    /// <summary>One line of input (or the end of file) and what the matcher made of it.</summary>
    internal sealed class Token
    {
        private static readonly IReadOnlyList<LineSpan> NoItems = new LineSpan[0];

        public Token(GherkinLine? line, int lineNumber)
        {
            Line = line;
            LineNumber = lineNumber;
        }

        public GherkinLine? Line { get; }

        public bool IsEof => Line == null;

        public int LineNumber { get; }

        /// <summary>Set when a matcher accepts the token (matched indent + 1); null until then.</summary>
        public int? Column { get; set; }

        public TokenType MatchedType { get; set; }

        public string? MatchedText { get; set; }

        public string? MatchedKeyword { get; set; }

        public StepKeywordType? MatchedKeywordType { get; set; }

        public int MatchedIndent { get; set; }

        public IReadOnlyList<LineSpan> MatchedItems { get; set; } = NoItems;

        public string MatchedGherkinDialect { get; set; } = "";

        public Location Location => new Location(LineNumber, Column);

        /// <summary>The text quoted in "got '...'" errors.</summary>
        public string GetTokenValue() => Line == null ? "EOF" : Line.GetLineText(-1);
    }
}
