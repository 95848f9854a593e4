// Ported from Parser.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
using System;
using System.Collections.Generic;

namespace Bdd.Gherkin.Parsing
{
    internal sealed partial class Parser
    {
        private bool MatchEOF(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchEOF, allowEof: true);

        private bool MatchEmpty(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchEmpty);

        private bool MatchComment(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchComment);

        private bool MatchTagLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchTagLine);

        private bool MatchFeatureLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchFeatureLine);

        private bool MatchRuleLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchRuleLine);

        private bool MatchBackgroundLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchBackgroundLine);

        private bool MatchScenarioLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchScenarioLine);

        private bool MatchExamplesLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchExamplesLine);

        private bool MatchStepLine(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchStepLine);

        private bool MatchDocStringSeparator(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchDocStringSeparator);

        private bool MatchTableRow(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchTableRow);

        private bool MatchLanguage(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchLanguage);

        private bool MatchOther(ParserContext context, Token token) => Match(context, token, tokenMatcher.MatchOther);

        // A matcher error (bad tag, unknown language) is recorded and counts as "no match".
        private static bool Match(ParserContext context, Token token, Func<Token, bool> matcher, bool allowEof = false)
        {
            if (token.IsEof && !allowEof)
            {
                return false;
            }

            try
            {
                return matcher(token);
            }
            catch (GherkinException e)
            {
                AddError(context, e);
                return false;
            }
        }

        // Tags, comments and empty lines, then a scenario line?
        private bool Lookahead0(ParserContext context) =>
            Lookahead(context, MatchScenarioLine);

        // Tags, comments and empty lines, then an examples line?
        private bool Lookahead1(ParserContext context) =>
            Lookahead(context, MatchExamplesLine);

        private bool Lookahead(ParserContext context, Func<ParserContext, Token, bool> target)
        {
            var queue = new List<Token>();
            var match = false;
            Token token;
            do
            {
                token = ReadToken(context);
                queue.Add(token);
                if (target(context, token))
                {
                    match = true;
                    break;
                }
            }
            while (MatchEmpty(context, token) || MatchComment(context, token) || MatchTagLine(context, token));

            foreach (var queued in queue)
            {
                context.TokenQueue.Enqueue(queued);
            }

            return match;
        }
    }
}
