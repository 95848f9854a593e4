// Ported from GherkinClassicTokenMatcher.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Dialects;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>Recognises one line at a time in the current dialect (switched by "# language: xx").</summary>
    internal sealed class TokenMatcher
    {
        private const string Ws = @"\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
        private static readonly Regex LanguagePattern =
            new Regex("^[" + Ws + "]*#[" + Ws + "]*language[" + Ws + "]*:[" + Ws + "]*([a-zA-Z\\-_]+)[" + Ws + "]*\\z", RegexOptions.CultureInvariant);

        private readonly string defaultDialectName;
        private GherkinDialect dialect = null!;
        private string dialectName = "";
        private string? activeDocStringSeparator;
        private int indentToRemove;
        private Dictionary<string, List<StepKeywordType>> keywordTypes = new Dictionary<string, List<StepKeywordType>>();
        private IReadOnlyList<string> sortedStepKeywords = new string[0];

        /// <summary>Throws <see cref="GherkinException"/> when the default dialect is unknown.</summary>
        public TokenMatcher(string defaultDialectName)
        {
            this.defaultDialectName = defaultDialectName;
            Reset();
        }

        public void Reset()
        {
            if (dialectName != defaultDialectName)
            {
                ChangeDialect(defaultDialectName, null);
            }

            activeDocStringSeparator = null;
            indentToRemove = 0;
        }

        public bool MatchTagLine(Token token)
        {
            if (!token.Line!.StartsWith("@"))
            {
                return false;
            }

            SetTokenMatched(token, TokenType.TagLine, items: token.Line.GetTags());
            return true;
        }

        public bool MatchFeatureLine(Token token) => MatchTitleLine(token, TokenType.FeatureLine, dialect.Feature);

        public bool MatchScenarioLine(Token token) =>
            MatchTitleLine(token, TokenType.ScenarioLine, dialect.Scenario) ||
            MatchTitleLine(token, TokenType.ScenarioLine, dialect.ScenarioOutline);

        public bool MatchBackgroundLine(Token token) => MatchTitleLine(token, TokenType.BackgroundLine, dialect.Background);

        public bool MatchExamplesLine(Token token) => MatchTitleLine(token, TokenType.ExamplesLine, dialect.Examples);

        public bool MatchRuleLine(Token token) => MatchTitleLine(token, TokenType.RuleLine, dialect.Rule);

        public bool MatchTableRow(Token token)
        {
            if (!token.Line!.StartsWith("|"))
            {
                return false;
            }

            SetTokenMatched(token, TokenType.TableRow, items: token.Line.GetTableCells());
            return true;
        }

        public bool MatchEmpty(Token token)
        {
            if (!token.Line!.IsEmpty)
            {
                return false;
            }

            SetTokenMatched(token, TokenType.Empty, indent: 0);
            return true;
        }

        public bool MatchComment(Token token)
        {
            if (!token.Line!.StartsWith("#"))
            {
                return false;
            }

            SetTokenMatched(token, TokenType.Comment, text: token.Line.GetLineText(0), indent: 0);
            return true;
        }

        public bool MatchLanguage(Token token)
        {
            var match = LanguagePattern.Match(token.Line!.TrimmedLineText);
            if (!match.Success)
            {
                return false;
            }

            var newDialectName = match.Groups[1].Value;
            SetTokenMatched(token, TokenType.Language, text: newDialectName);
            ChangeDialect(newDialectName, token);
            return true;
        }

        public bool MatchDocStringSeparator(Token token) =>
            activeDocStringSeparator == null
                ? MatchDocStringSeparator(token, "\"\"\"", true) || MatchDocStringSeparator(token, "```", true)
                : MatchDocStringSeparator(token, activeDocStringSeparator, false);

        public bool MatchEOF(Token token)
        {
            if (!token.IsEof)
            {
                return false;
            }

            SetTokenMatched(token, TokenType.EOF);
            return true;
        }

        public bool MatchStepLine(Token token)
        {
            foreach (var keyword in sortedStepKeywords)
            {
                if (token.Line!.StartsWith(keyword))
                {
                    var title = token.Line.GetRestTrimmed(keyword.Length);
                    var types = keywordTypes[keyword];
                    var keywordType = types.Count > 1 ? StepKeywordType.Unknown : types[0];
                    SetTokenMatched(token, TokenType.StepLine, text: title, keyword: keyword, keywordType: keywordType);
                    return true;
                }
            }

            return false;
        }

        public bool MatchOther(Token token)
        {
            // the entire line, except the indentation of an open doc string
            var text = token.Line!.GetLineText(indentToRemove);
            SetTokenMatched(token, TokenType.Other, text: UnescapeDocString(text), indent: 0);
            return true;
        }

        private bool MatchDocStringSeparator(Token token, string separator, bool isOpen)
        {
            if (!token.Line!.StartsWith(separator))
            {
                return false;
            }

            string? mediaType = null;
            if (isOpen)
            {
                mediaType = token.Line.GetRestTrimmed(separator.Length);
                activeDocStringSeparator = separator;
                indentToRemove = token.Line.Indent;
            }
            else
            {
                activeDocStringSeparator = null;
                indentToRemove = 0;
            }

            SetTokenMatched(token, TokenType.DocStringSeparator, text: mediaType, keyword: separator);
            return true;
        }

        private bool MatchTitleLine(Token token, TokenType tokenType, IReadOnlyList<string> keywords)
        {
            foreach (var keyword in keywords)
            {
                if (token.Line!.StartsWithTitleKeyword(keyword))
                {
                    var title = token.Line.GetRestTrimmed(keyword.Length + 1);
                    SetTokenMatched(token, tokenType, text: title, keyword: keyword);
                    return true;
                }
            }

            return false;
        }

        private void SetTokenMatched(
            Token token,
            TokenType matchedType,
            string? text = null,
            string? keyword = null,
            int? indent = null,
            StepKeywordType? keywordType = null,
            IReadOnlyList<LineSpan>? items = null)
        {
            token.MatchedType = matchedType;
            token.MatchedText = text;
            token.MatchedKeyword = keyword;
            token.MatchedKeywordType = keywordType;
            token.MatchedIndent = indent ?? (token.Line == null ? 0 : token.Line.Indent);
            token.MatchedItems = items ?? new LineSpan[0];
            token.Column = token.MatchedIndent + 1;
            token.MatchedGherkinDialect = dialectName;
        }

        // token: the "# language:" line, or null for the default dialect (reported at 1:1)
        private void ChangeDialect(string newDialectName, Token? token)
        {
            if (!GherkinDialects.TryGet(newDialectName, out var newDialect))
            {
                const string message = "Language not supported: ";
                throw token == null
                    ? new GherkinException(message + newDialectName, new Location(1, 1))
                    : new GherkinException(message + newDialectName, token);
            }

            dialectName = newDialectName;
            dialect = newDialect;
            keywordTypes = new Dictionary<string, List<StepKeywordType>>(StringComparer.Ordinal);
            AddKeywordTypes(newDialect.Given, StepKeywordType.Context);
            AddKeywordTypes(newDialect.When, StepKeywordType.Action);
            AddKeywordTypes(newDialect.Then, StepKeywordType.Outcome);
            AddKeywordTypes(newDialect.And, StepKeywordType.Conjunction);
            AddKeywordTypes(newDialect.But, StepKeywordType.Conjunction);

            // longest first; OrderByDescending is stable, so ties keep given/when/then/and/but order
            sortedStepKeywords = newDialect.Given.Concat(newDialect.When).Concat(newDialect.Then)
                .Concat(newDialect.And).Concat(newDialect.But)
                .OrderByDescending(k => k.Length).ToArray();
        }

        private void AddKeywordTypes(IReadOnlyList<string> keywords, StepKeywordType type)
        {
            foreach (var keyword in keywords)
            {
                if (!keywordTypes.TryGetValue(keyword, out var types))
                {
                    types = new List<StepKeywordType>();
                    keywordTypes.Add(keyword, types);
                }

                types.Add(type);
            }
        }

        // The reference replaces only the first escaped delimiter on a line (String.replace with a string).
        private string UnescapeDocString(string text)
        {
            var escaped = activeDocStringSeparator == "\"\"\"" ? "\\\"\\\"\\\"" : activeDocStringSeparator == "```" ? "\\`\\`\\`" : null;
            if (escaped == null)
            {
                return text;
            }

            var index = text.IndexOf(escaped, StringComparison.Ordinal);
            return index < 0 ? text : text.Substring(0, index) + activeDocStringSeparator + text.Substring(index + escaped.Length);
        }
    }
}
