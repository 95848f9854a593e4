// Ported from AstBuilder.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
using System.Collections.Generic;
using System.Linq;
using Bdd.Gherkin.Ast;

namespace Bdd.Gherkin.Parsing
{
    internal sealed partial class AstBuilder
    {
        // Returns the finished node for a closed rule, or null when a recovered error left it incomplete.
        private object? TransformNode(AstNode node)
        {
            switch (node.RuleType)
            {
                case RuleType.Step:
                    return TransformStep(node);
                case RuleType.DocString:
                    return TransformDocString(node);
                case RuleType.DataTable:
                    var rows = GetTableRows(node);
                    return rows.Count == 0 ? null : new DataTable(rows[0].Location, rows);
                case RuleType.Background:
                    return TransformBackground(node);
                case RuleType.ScenarioDefinition:
                    return TransformScenarioDefinition(node);
                case RuleType.ExamplesDefinition:
                    return TransformExamplesDefinition(node);
                case RuleType.ExamplesTable:
                    return GetTableRows(node);
                case RuleType.Description:
                    return TransformDescription(node);
                case RuleType.Feature:
                    return TransformFeature(node);
                case RuleType.Rule:
                    return TransformRule(node);
                case RuleType.GherkinDocument:
                    return new GherkinDocument(uri, node.GetSingle<Feature>(RuleType.Feature), comments.ToList());
                default:
                    return node;
            }
        }

        private Step? TransformStep(AstNode node)
        {
            var stepLine = node.GetToken(TokenType.StepLine);
            if (stepLine == null)
            {
                return null;
            }

            var dataTable = node.GetSingle<DataTable>(RuleType.DataTable);
            var docString = node.GetSingle<DocString>(RuleType.DocString);
            return new Step(
                GetLocation(stepLine),
                stepLine.MatchedKeyword ?? "",
                stepLine.MatchedKeywordType,
                stepLine.MatchedText ?? "",
                docString,
                dataTable,
                ids.NewId());
        }

        private static DocString? TransformDocString(AstNode node)
        {
            var separator = node.GetToken(TokenType.DocStringSeparator);
            if (separator == null)
            {
                return null;
            }

            var mediaType = string.IsNullOrEmpty(separator.MatchedText) ? null : separator.MatchedText;
            var content = string.Join("\n", node.GetTokens(TokenType.Other).Select(t => t.MatchedText));
            return new DocString(GetLocation(separator), mediaType, content, separator.MatchedKeyword ?? "\"\"\"");
        }

        private Background? TransformBackground(AstNode node)
        {
            var backgroundLine = node.GetToken(TokenType.BackgroundLine);
            if (backgroundLine == null)
            {
                return null;
            }

            var description = GetDescription(node);
            var steps = GetSteps(node);
            return new Background(
                GetLocation(backgroundLine),
                backgroundLine.MatchedKeyword ?? "",
                backgroundLine.MatchedText ?? "",
                description,
                steps,
                ids.NewId());
        }

        private Scenario? TransformScenarioDefinition(AstNode node)
        {
            var tags = GetTags(node);
            var scenarioNode = node.GetSingle<AstNode>(RuleType.Scenario);
            var scenarioLine = scenarioNode?.GetToken(TokenType.ScenarioLine);
            if (scenarioNode == null || scenarioLine == null)
            {
                return null;
            }

            var description = GetDescription(scenarioNode);
            var steps = GetSteps(scenarioNode);
            var examples = scenarioNode.GetItems<Examples>(RuleType.ExamplesDefinition);
            return new Scenario(
                GetLocation(scenarioLine),
                tags,
                scenarioLine.MatchedKeyword ?? "",
                scenarioLine.MatchedText ?? "",
                description,
                steps,
                examples,
                ids.NewId());
        }

        private Examples? TransformExamplesDefinition(AstNode node)
        {
            var tags = GetTags(node);
            var examplesNode = node.GetSingle<AstNode>(RuleType.Examples);
            var examplesLine = examplesNode?.GetToken(TokenType.ExamplesLine);
            if (examplesNode == null || examplesLine == null)
            {
                return null;
            }

            var description = GetDescription(examplesNode);
            var table = examplesNode.GetSingle<List<TableRow>>(RuleType.ExamplesTable);
            return new Examples(
                GetLocation(examplesLine),
                tags,
                examplesLine.MatchedKeyword ?? "",
                examplesLine.MatchedText ?? "",
                description,
                table != null && table.Count > 0 ? table[0] : null,
                table != null ? table.Skip(1).ToList() : new List<TableRow>(),
                ids.NewId());
        }

        private static string TransformDescription(AstNode node)
        {
            var lines = node.GetTokens(TokenType.Other);
            var end = lines.Count;
            while (end > 0 && lines[end - 1].Line!.TrimmedLineText.Length == 0)
            {
                end--; // trailing empty lines are not part of the description
            }

            return string.Join("\n", lines.Take(end).Select(t => t.MatchedText));
        }

        private Feature? TransformFeature(AstNode node)
        {
            var header = node.GetSingle<AstNode>(RuleType.FeatureHeader);
            if (header == null)
            {
                return null;
            }

            var tags = GetTags(header);
            var featureLine = header.GetToken(TokenType.FeatureLine);
            if (featureLine == null)
            {
                return null;
            }

            var children = new List<FeatureChild>();
            var background = node.GetSingle<Background>(RuleType.Background);
            if (background != null)
            {
                children.Add(new FeatureChild(Background: background));
            }

            children.AddRange(node.GetItems<Scenario>(RuleType.ScenarioDefinition).Select(s => new FeatureChild(Scenario: s)));
            children.AddRange(node.GetItems<Rule>(RuleType.Rule).Select(r => new FeatureChild(Rule: r)));
            return new Feature(
                GetLocation(featureLine),
                tags,
                featureLine.MatchedGherkinDialect,
                featureLine.MatchedKeyword ?? "",
                featureLine.MatchedText ?? "",
                GetDescription(header),
                children);
        }

        private Rule? TransformRule(AstNode node)
        {
            var header = node.GetSingle<AstNode>(RuleType.RuleHeader);
            var ruleLine = header?.GetToken(TokenType.RuleLine);
            if (header == null || ruleLine == null)
            {
                return null;
            }

            var tags = GetTags(header);
            var children = new List<RuleChild>();
            var background = node.GetSingle<Background>(RuleType.Background);
            if (background != null)
            {
                children.Add(new RuleChild(Background: background));
            }

            children.AddRange(node.GetItems<Scenario>(RuleType.ScenarioDefinition).Select(s => new RuleChild(Scenario: s)));
            return new Rule(
                GetLocation(ruleLine),
                tags,
                ruleLine.MatchedKeyword ?? "",
                ruleLine.MatchedText ?? "",
                GetDescription(header),
                children,
                ids.NewId());
        }
    }
}
