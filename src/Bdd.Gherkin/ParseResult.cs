using System.Collections.Generic;
using Bdd.Gherkin.Ast;

namespace Bdd.Gherkin
{
    /// <summary>
    /// The outcome of <see cref="GherkinParser.Parse"/>. On success <see cref="Document"/> is the
    /// complete document and <see cref="Errors"/> is empty. On failure <see cref="Errors"/> holds every
    /// error Cucumber reports (in its order, at most 11: the reference stops after ten) and
    /// <see cref="Document"/> is a best-effort partial document (null when parsing was abandoned):
    /// useful for listing scenarios, never to be run or published as a gherkinDocument message.
    /// </summary>
    public sealed record ParseResult(GherkinDocument? Document, IReadOnlyList<ParseError> Errors)
    {
        /// <summary>True when the file parsed without errors.</summary>
        public bool Succeeded => Errors.Count == 0;
    }
}
