// Ported from Parser.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
// The state methods are in Parser.States*.g.cs, produced by port-parser.mjs.
using System;
using System.Collections.Generic;
using System.Linq;
using Bdd.Gherkin.Ast;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>
    /// The Gherkin grammar as a state machine over line tokens. It never stops at the first error:
    /// an unexpected line is recorded and the state is kept, like Cucumber's parser with
    /// stopAtFirstError = false. More than ten distinct errors end the parse.
    /// </summary>
    internal sealed partial class Parser
    {
        private const int MaxErrors = 10;
        private readonly AstBuilder builder;
        private readonly TokenMatcher tokenMatcher;

        public Parser(AstBuilder builder, TokenMatcher tokenMatcher)
        {
            this.builder = builder;
            this.tokenMatcher = tokenMatcher;
        }

        /// <summary>
        /// Parses <paramref name="source"/>. The document is null when parsing was abandoned after
        /// too many errors; when there are errors it is otherwise a best-effort partial document.
        /// </summary>
        public (GherkinDocument? Document, IReadOnlyList<GherkinException> Errors) Parse(string source)
        {
            var context = new ParserContext(new TokenScanner(source));
            builder.Reset();
            tokenMatcher.Reset();
            try
            {
                StartRule(context, RuleType.GherkinDocument);
                var state = 0;
                while (true)
                {
                    var token = ReadToken(context);
                    state = MatchToken(state, token, context);
                    if (token.IsEof)
                    {
                        break;
                    }
                }

                EndRule(context);
                if (context.Errors.Count > 0)
                {
                    builder.CloseOpenRules();
                }

                return (builder.GetResult(), context.Errors);
            }
            catch (TooManyErrorsException)
            {
                return (null, context.Errors);
            }
        }

        private static Token ReadToken(ParserContext context) =>
            context.TokenQueue.Count > 0 ? context.TokenQueue.Dequeue() : context.Scanner.Read();

        private static void AddError(ParserContext context, GherkinException error)
        {
            if (context.Errors.Any(e => e.Message == error.Message))
            {
                return;
            }

            context.Errors.Add(error);
            if (context.Errors.Count > MaxErrors)
            {
                throw new TooManyErrorsException();
            }
        }

        private void StartRule(ParserContext context, RuleType ruleType) =>
            HandleAstError(context, () => builder.StartRule(ruleType));

        private void EndRule(ParserContext context) =>
            HandleAstError(context, () => builder.EndRule());

        private void Build(ParserContext context, Token token) =>
            HandleAstError(context, () => builder.Build(token));

        private static void HandleAstError(ParserContext context, Action action)
        {
            try
            {
                action();
            }
            catch (GherkinException e)
            {
                AddError(context, e);
            }
        }

        /// <summary>Records "expected: ..., got '...'" (or unexpected end of file) and stays in <paramref name="state"/>.</summary>
        private static int UnexpectedToken(ParserContext context, Token token, int state, params string[] expectedTokens)
        {
            var expected = string.Join(", ", expectedTokens);
            GherkinException error;
            if (token.IsEof)
            {
                error = new GherkinException("unexpected end of file, expected: " + expected, token.Location);
            }
            else
            {
                var got = JsText.Trim(token.GetTokenValue());
                error = new GherkinException(
                    $"expected: {expected}, got '{got}'",
                    new Location(token.LineNumber, token.Line!.Indent + 1));
            }

            AddError(context, error);
            return state;
        }
    }
}
