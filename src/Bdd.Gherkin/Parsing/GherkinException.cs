using System;
using Bdd.Gherkin.Ast;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>
    /// A recoverable problem raised while matching a line or building a node; the parser turns it
    /// into a <see cref="ParseError"/> and carries on. Never escapes <see cref="GherkinParser"/>.
    /// </summary>
    internal sealed class GherkinException : Exception
    {
        private readonly Location location;
        private readonly Token? liveToken;

        public GherkinException(string message, int line, int column)
            : this(message, new Location(line, column))
        {
        }

        /// <param name="message">The text after the "(line:column): " prefix.</param>
        /// <param name="location">Null column prints as 0, as the reference does.</param>
        public GherkinException(string message, Location location)
            : base($"({location.Line}:{location.Column ?? 0}): {message}")
        {
            this.location = location;
        }

        /// <summary>
        /// An error located at a token's live location: the message keeps the column of now, while
        /// <see cref="Location"/> follows later matches of the same line. The reference shares the
        /// token's location object with "Language not supported" errors, and the line is then
        /// re-matched as a comment (column 1); this keeps our parseError envelopes identical.
        /// </summary>
        public GherkinException(string message, Token liveToken)
            : this(message, liveToken.Location)
        {
            this.liveToken = liveToken;
        }

        public Location Location => liveToken?.Location ?? location;
    }

    /// <summary>Thrown once more than ten errors are collected: the reference gives up there.</summary>
    internal sealed class TooManyErrorsException : Exception
    {
    }
}
