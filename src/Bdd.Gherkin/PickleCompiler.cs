// Ported from pickles/compile.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
using System.Collections.Generic;
using System.Linq;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;

namespace Bdd.Gherkin
{
    /// <summary>
    /// Compiles a document into pickles exactly as Cucumber does: one pickle per Scenario and per
    /// Examples row of an outline (Examples without a header row give none), feature then rule
    /// background steps prepended (only to scenarios that have steps), &lt;placeholders&gt; replaced
    /// in the name, step text, table cells, doc string and media type, tags inherited
    /// feature → rule → scenario → examples. A step's type comes from its keyword; And/But take the
    /// type of the step before (Unknown at the start); "*" is Unknown, as in Cucumber.
    /// </summary>
    public static class PickleCompiler
    {
        /// <summary>Compiles <paramref name="document"/>; ids come from <paramref name="ids"/> (steps first, then the pickle).</summary>
        public static IReadOnlyList<Pickle> Compile(GherkinDocument document, IIdGenerator ids)
        {
            var pickles = new List<Pickle>();
            var feature = document?.Feature;
            if (feature == null)
            {
                return pickles;
            }

            var context = new CompileContext(document!.Uri, feature.Language, ids, pickles);
            IReadOnlyList<Step> featureBackgroundSteps = new List<Step>();
            foreach (var child in feature.Children)
            {
                if (child.Background != null)
                {
                    featureBackgroundSteps = child.Background.Steps;
                }
                else if (child.Rule != null)
                {
                    CompileRule(context, feature.Tags, featureBackgroundSteps, child.Rule);
                }
                else if (child.Scenario != null)
                {
                    CompileScenarioDefinition(context, feature.Tags, featureBackgroundSteps, child.Scenario);
                }
            }

            return pickles;
        }

        private static void CompileRule(CompileContext context, IReadOnlyList<Tag> featureTags, IReadOnlyList<Step> featureBackgroundSteps, Rule rule)
        {
            var backgroundSteps = featureBackgroundSteps.ToList();
            var tags = featureTags.Concat(rule.Tags).ToList();
            foreach (var child in rule.Children)
            {
                if (child.Background != null)
                {
                    backgroundSteps.AddRange(child.Background.Steps);
                }
                else if (child.Scenario != null)
                {
                    CompileScenarioDefinition(context, tags, backgroundSteps.ToList(), child.Scenario);
                }
            }
        }

        private static void CompileScenarioDefinition(CompileContext context, IReadOnlyList<Tag> inheritedTags, IReadOnlyList<Step> backgroundSteps, Scenario scenario)
        {
            if (scenario.Examples.Count == 0)
            {
                CompileScenario(context, inheritedTags, backgroundSteps, scenario);
            }
            else
            {
                CompileScenarioOutline(context, inheritedTags, backgroundSteps, scenario);
            }
        }

        private static void CompileScenario(CompileContext context, IReadOnlyList<Tag> inheritedTags, IReadOnlyList<Step> backgroundSteps, Scenario scenario)
        {
            var steps = CompileSteps(context, backgroundSteps, scenario, null, null);
            var tags = inheritedTags.Concat(scenario.Tags);
            context.Pickles.Add(new Pickle(
                context.Ids.NewId(),
                context.Uri,
                scenario.Location,
                scenario.Name,
                context.Language,
                steps,
                PickleTags(tags),
                new[] { scenario.Id }));
        }

        private static void CompileScenarioOutline(CompileContext context, IReadOnlyList<Tag> inheritedTags, IReadOnlyList<Step> backgroundSteps, Scenario scenario)
        {
            foreach (var examples in scenario.Examples)
            {
                if (examples.TableHeader == null)
                {
                    continue;
                }

                var variableCells = examples.TableHeader.Cells;
                foreach (var valuesRow in examples.TableBody)
                {
                    var steps = CompileSteps(context, backgroundSteps, scenario, variableCells, valuesRow);
                    var id = context.Ids.NewId();
                    var tags = inheritedTags.Concat(scenario.Tags).Concat(examples.Tags);
                    context.Pickles.Add(new Pickle(
                        id,
                        context.Uri,
                        valuesRow.Location,
                        Interpolate(scenario.Name, variableCells, valuesRow.Cells),
                        context.Language,
                        steps,
                        PickleTags(tags),
                        new[] { scenario.Id, valuesRow.Id }));
                }
            }
        }

        private static List<PickleStep> CompileSteps(CompileContext context, IReadOnlyList<Step> backgroundSteps, Scenario scenario, IReadOnlyList<TableCell>? variableCells, TableRow? valuesRow)
        {
            var lastKeywordType = StepKeywordType.Unknown;
            var steps = new List<PickleStep>();
            if (scenario.Steps.Count != 0)
            {
                foreach (var step in backgroundSteps)
                {
                    lastKeywordType = NextKeywordType(step, lastKeywordType);
                    steps.Add(PickleStepFor(context, step, null, null, lastKeywordType));
                }
            }

            foreach (var step in scenario.Steps)
            {
                lastKeywordType = NextKeywordType(step, lastKeywordType);
                steps.Add(PickleStepFor(context, step, variableCells, valuesRow, lastKeywordType));
            }

            return steps;
        }

        private static StepKeywordType NextKeywordType(Step step, StepKeywordType last) =>
            step.KeywordType == StepKeywordType.Conjunction ? last : step.KeywordType ?? StepKeywordType.Unknown;

        private static PickleStep PickleStepFor(CompileContext context, Step step, IReadOnlyList<TableCell>? variableCells, TableRow? valuesRow, StepKeywordType keywordType)
        {
            var astNodeIds = valuesRow == null ? new[] { step.Id } : new[] { step.Id, valuesRow.Id };
            var valueCells = valuesRow?.Cells;
            return new PickleStep(
                CreateArgument(step, variableCells, valueCells),
                astNodeIds,
                context.Ids.NewId(),
                ToPickleStepType(keywordType),
                Interpolate(step.Text, variableCells, valueCells));
        }

        private static PickleStepType? ToPickleStepType(StepKeywordType keywordType)
        {
            switch (keywordType)
            {
                case StepKeywordType.Context: return PickleStepType.Context;
                case StepKeywordType.Action: return PickleStepType.Action;
                case StepKeywordType.Outcome: return PickleStepType.Outcome;
                case StepKeywordType.Unknown: return PickleStepType.Unknown;
                default: return null;
            }
        }

        private static PickleStepArgument? CreateArgument(Step step, IReadOnlyList<TableCell>? variableCells, IReadOnlyList<TableCell>? valueCells)
        {
            if (step.DataTable != null && step.DocString != null)
            {
                var tableFirst = step.DocString.Location.Line > step.DataTable.Location.Line;
                return new PickleStepArgument(
                    DocString(step.DocString, variableCells, valueCells) with { ArgumentIndex = tableFirst ? 2 : 1 },
                    Table(step.DataTable, variableCells, valueCells) with { ArgumentIndex = tableFirst ? 1 : 2 });
            }

            if (step.DataTable != null)
            {
                return new PickleStepArgument(DataTable: Table(step.DataTable, variableCells, valueCells));
            }

            return step.DocString != null ? new PickleStepArgument(DocString: DocString(step.DocString, variableCells, valueCells)) : null;
        }

        private static PickleDocString DocString(DocString docString, IReadOnlyList<TableCell>? variableCells, IReadOnlyList<TableCell>? valueCells) =>
            new PickleDocString(
                string.IsNullOrEmpty(docString.MediaType) ? null : Interpolate(docString.MediaType!, variableCells, valueCells),
                Interpolate(docString.Content, variableCells, valueCells));

        private static PickleTable Table(DataTable table, IReadOnlyList<TableCell>? variableCells, IReadOnlyList<TableCell>? valueCells) =>
            new PickleTable(table.Rows
                .Select(row => new PickleTableRow(row.Cells.Select(cell => new PickleTableCell(Interpolate(cell.Value, variableCells, valueCells))).ToList()))
                .ToList());

        // Each header cell in turn: every "<name>" becomes the row's value (later names see earlier values).
        private static string Interpolate(string text, IReadOnlyList<TableCell>? variableCells, IReadOnlyList<TableCell>? valueCells)
        {
            if (variableCells == null || valueCells == null)
            {
                return text;
            }

            for (var n = 0; n < variableCells.Count && n < valueCells.Count; n++)
            {
                text = text.Replace("<" + variableCells[n].Value + ">", valueCells[n].Value);
            }

            return text;
        }

        private static IReadOnlyList<PickleTag> PickleTags(IEnumerable<Tag> tags) =>
            tags.Select(tag => new PickleTag(tag.Name, tag.Id)).ToList();

        private sealed class CompileContext
        {
            public CompileContext(string uri, string language, IIdGenerator ids, List<Pickle> pickles)
            {
                Uri = uri;
                Language = language;
                Ids = ids;
                Pickles = pickles;
            }

            public string Uri { get; }

            public string Language { get; }

            public IIdGenerator Ids { get; }

            public List<Pickle> Pickles { get; }
        }
    }
}
