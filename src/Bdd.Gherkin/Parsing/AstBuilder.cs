// Ported from AstBuilder.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
using System.Collections.Generic;
using System.Linq;
using Bdd.Gherkin.Ast;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>
    /// Builds the document bottom-up as the parser closes rules. Ids are taken in the reference's
    /// order (children before parents, tags before their node), so incrementing ids match Cucumber's.
    /// </summary>
    internal sealed partial class AstBuilder
    {
        private readonly IIdGenerator ids;
        private readonly string uri;
        private readonly Stack<AstNode> stack = new Stack<AstNode>();
        private readonly List<Comment> comments = new List<Comment>();

        public AstBuilder(IIdGenerator ids, string uri)
        {
            this.ids = ids;
            this.uri = uri;
            Reset();
        }

        public void Reset()
        {
            stack.Clear();
            stack.Push(new AstNode(RuleType.None));
            comments.Clear();
        }

        public void StartRule(RuleType ruleType) => stack.Push(new AstNode(ruleType));

        /// <summary>Closes the current rule; a <see cref="GherkinException"/> drops the node, as in the reference.</summary>
        public void EndRule()
        {
            var node = stack.Pop();
            var transformed = TransformNode(node);
            CurrentNode.Add(node.RuleType, transformed);
        }

        public void Build(Token token)
        {
            if (token.MatchedType == TokenType.Comment)
            {
                comments.Add(new Comment(token.Location, token.MatchedText ?? ""));
            }
            else
            {
                CurrentNode.Add(token);
            }
        }

        /// <summary>After errors: closes every rule still open so a partial document can be returned.</summary>
        public void CloseOpenRules()
        {
            while (stack.Count > 1)
            {
                try
                {
                    EndRule();
                }
                catch (GherkinException)
                {
                    // already reported, or irrelevant for a best-effort document
                }
            }
        }

        public GherkinDocument? GetResult() => CurrentNode.GetSingle<GherkinDocument>(RuleType.GherkinDocument);

        private AstNode CurrentNode => stack.Peek();

        private static Location GetLocation(Token token, int column = 0) =>
            column == 0 ? token.Location : new Location(token.LineNumber, column);

        private IReadOnlyList<Tag> GetTags(AstNode node)
        {
            var tags = new List<Tag>();
            var tagsNode = node.GetSingle<AstNode>(RuleType.Tags);
            if (tagsNode == null)
            {
                return tags;
            }

            foreach (var token in tagsNode.GetTokens(TokenType.TagLine))
            {
                foreach (var item in token.MatchedItems)
                {
                    tags.Add(new Tag(GetLocation(token, item.Column), item.Text, ids.NewId()));
                }
            }

            return tags;
        }

        private static IReadOnlyList<TableCell> GetCells(Token token) =>
            token.MatchedItems.Select(item => new TableCell(GetLocation(token, item.Column), item.Text)).ToList();

        private static string GetDescription(AstNode node) => node.GetSingle<string>(RuleType.Description) ?? "";

        private static IReadOnlyList<Step> GetSteps(AstNode node) => node.GetItems<Step>(RuleType.Step);

        private List<TableRow> GetTableRows(AstNode node)
        {
            var rows = node.GetTokens(TokenType.TableRow)
                .Select(token => new TableRow(GetLocation(token), GetCells(token), ids.NewId()))
                .ToList();
            EnsureCellCount(rows);
            return rows;
        }

        private static void EnsureCellCount(List<TableRow> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }

            var cellCount = rows[0].Cells.Count;
            foreach (var row in rows)
            {
                if (row.Cells.Count != cellCount)
                {
                    throw new GherkinException("inconsistent cell count within the table", row.Location);
                }
            }
        }
    }
}
