using System;
using System.Linq;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Parsing;

namespace Bdd.Gherkin
{
    /// <summary>
    /// Parses Gherkin text (".feature" syntax, every official dialect) into a <see cref="GherkinDocument"/>,
    /// with Cucumber's grammar, error recovery and error messages (a port of @cucumber/gherkin).
    /// </summary>
    public static class GherkinParser
    {
        /// <summary>
        /// Parses <paramref name="text"/> ("\n" or "\r\n" line ends). Never throws: every problem is a
        /// <see cref="ParseError"/> in the result, with <paramref name="uri"/>, line, column and
        /// Cucumber's message ("(3:1): expected: #EOF, ..., got 'Foo'").
        /// </summary>
        /// <param name="text">The feature file's content; null is treated as empty.</param>
        /// <param name="uri">The path reported in the document and the errors, e.g. "features/drain.feature".</param>
        /// <param name="options">Null for defaults (English, incrementing ids).</param>
        public static ParseResult Parse(string text, string uri, ParseOptions? options = null)
        {
            uri ??= "";
            options ??= new ParseOptions();
            try
            {
                var matcher = new TokenMatcher(options.DefaultLanguage ?? "en");
                var builder = new AstBuilder(options.IdGenerator ?? new IncrementingIdGenerator(), uri);
                var (document, errors) = new Parser(builder, matcher).Parse(text ?? "");
                return new ParseResult(document, errors.Select(e => new ParseError(uri, e.Location, e.Message)).ToList());
            }
            catch (GherkinException e)
            {
                return new ParseResult(null, new[] { new ParseError(uri, e.Location, e.Message) });
            }
            catch (Exception e)
            {
                // not expected: a defect in the parser must still not break the caller
                var location = new Location(1, 1);
                return new ParseResult(null, new[] { new ParseError(uri, location, "(1:1): internal parser error: " + e.Message) });
            }
        }
    }
}
