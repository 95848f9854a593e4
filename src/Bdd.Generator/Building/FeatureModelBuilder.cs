using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Bdd.Generator.Model;
using Bdd.Generator.Naming;
using Bdd.Gherkin;
using Bdd.Gherkin.Ast;
using Microsoft.CodeAnalysis.Text;

namespace Bdd.Generator.Building
{
    /// <summary>
    /// Parses one feature file and builds its <see cref="FeatureModel"/>: class and method names, display names,
    /// Category traits per level (feature tags on the class; rule and scenario tags on the method; Examples tags
    /// on the row), @ignore skip reasons, and parse errors located in the file.
    /// </summary>
    internal static class FeatureModelBuilder
    {
        public const string IgnoreReason = "Ignored by @ignore tag";
        private const string IgnoreTag = "ignore";

        private static readonly string[] ReservedMemberNames =
        {
            "Source", "Fixture", Emitting.FeatureEmitter.RunMethod, "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        public static FeatureModel Build(string path, SourceText? sourceText, string language, CancellationToken cancellationToken)
        {
            var text = sourceText?.ToString() ?? string.Empty;
            var (uri, segments) = FeaturePaths.Describe(path);
            var result = GherkinParser.Parse(text, uri, new ParseOptions { DefaultLanguage = language });
            cancellationToken.ThrowIfCancellationRequested();

            var fileStem = Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/').Last());
            var feature = result.Document?.Feature;
            var title = feature?.Name.Trim() ?? string.Empty;
            var className = Identifiers.PascalCase(title.Length > 0 ? title : fileStem, "Unnamed") + "Feature";
            var tags = TagNames(feature?.Tags);

            if (!result.Succeeded)
            {
                var errors = result.Errors.Select(error => ToDiagnostic(path, sourceText, error)).ToEquatableArray();
                return new FeatureModel(path, uri, segments.ToEquatableArray(), className, title, string.Empty, tags, null, text,
                    EquatableArray<ScenarioModel>.Empty, errors, HasFeature: feature != null);
            }

            if (feature == null)
            {
                return new FeatureModel(path, uri, segments.ToEquatableArray(), className, title, string.Empty, tags, null, text,
                    EquatableArray<ScenarioModel>.Empty, EquatableArray<DiagnosticModel>.Empty, HasFeature: false);
            }

            var featureSkip = HasIgnore(tags) ? IgnoreReason : null;
            var methodNames = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { className };
            var scenarios = new List<ScenarioModel>();
            foreach (var child in feature.Children)
            {
                if (child.Scenario != null)
                {
                    scenarios.Add(BuildScenario(child.Scenario, tags, EquatableArray<string>.Empty, featureSkip, methodNames));
                }
                else if (child.Rule != null)
                {
                    var ruleTags = TagNames(child.Rule.Tags);
                    var ruleSkip = featureSkip ?? (HasIgnore(ruleTags) ? IgnoreReason : null);
                    foreach (var ruleChild in child.Rule.Children)
                    {
                        if (ruleChild.Scenario != null)
                        {
                            scenarios.Add(BuildScenario(ruleChild.Scenario, tags, ruleTags, ruleSkip, methodNames));
                        }
                    }
                }
            }

            return new FeatureModel(path, uri, segments.ToEquatableArray(), className, title, feature.Description.Trim(), tags, featureSkip, text,
                scenarios.ToEquatableArray(), EquatableArray<DiagnosticModel>.Empty, HasFeature: true);
        }

        private static ScenarioModel BuildScenario(
            Scenario scenario,
            EquatableArray<string> featureTags,
            EquatableArray<string> ruleTags,
            string? inheritedSkip,
            HashSet<string> methodNames)
        {
            var scenarioTags = TagNames(scenario.Tags);
            var categories = ruleTags.Concat(scenarioTags).Distinct(StringComparer.Ordinal).Where(tag => !featureTags.Contains(tag)).ToEquatableArray();
            var skip = inheritedSkip ?? (HasIgnore(scenarioTags) ? IgnoreReason : null);
            var title = scenario.Name.Trim();
            var displayName = title.Length > 0 ? title : scenario.Keyword.Trim() + " at line " + scenario.Location.Line;
            var methodName = Identifiers.Unique(Identifiers.PascalCase(title, "Scenario" + scenario.Location.Line), methodNames);

            if (scenario.Examples.Count == 0)
            {
                return new ScenarioModel(methodName, displayName, scenario.Location.Line, categories, skip, IsOutline: false, EquatableArray<RowModel>.Empty);
            }

            var inherited = new HashSet<string>(featureTags.Concat(ruleTags).Concat(scenarioTags), StringComparer.Ordinal);
            var rows = new List<RowModel>();
            foreach (var examples in scenario.Examples)
            {
                if (examples.TableHeader == null)
                {
                    continue;
                }

                var examplesTags = TagNames(examples.Tags);
                var rowCategories = examplesTags.Where(tag => !inherited.Contains(tag)).ToEquatableArray();
                var rowSkip = HasIgnore(examplesTags) ? IgnoreReason : null;
                var headers = examples.TableHeader.Cells.Select(cell => cell.Value).ToList();
                foreach (var row in examples.TableBody)
                {
                    rows.Add(new RowModel(row.Location.Line, RowDisplayName(displayName, headers, row), rowCategories, rowSkip));
                }
            }

            return new ScenarioModel(methodName, displayName, scenario.Location.Line, categories, skip, IsOutline: true, rows.ToEquatableArray());
        }

        /// <summary>"Budget allocation &lt;limit&gt;" with row 1024 -> "Budget allocation 1024 (limit: 1024)".</summary>
        private static string RowDisplayName(string title, IReadOnlyList<string> headers, TableRow row)
        {
            var values = row.Cells.Select(cell => cell.Value).ToList();
            var name = title;
            var pairs = new List<string>();
            for (var i = 0; i < headers.Count && i < values.Count; i++)
            {
                name = name.Replace("<" + headers[i] + ">", values[i]);
                pairs.Add(headers[i] + ": " + values[i]);
            }

            return pairs.Count == 0 ? name : name + " (" + string.Join(", ", pairs) + ")";
        }

        private static EquatableArray<string> TagNames(IReadOnlyList<Tag>? tags)
            => tags == null
                ? EquatableArray<string>.Empty
                : tags.Select(tag => tag.Name.TrimStart('@')).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToEquatableArray();

        private static bool HasIgnore(EquatableArray<string> tags)
            => tags.Any(tag => string.Equals(tag, IgnoreTag, StringComparison.OrdinalIgnoreCase));

        private static DiagnosticModel ToDiagnostic(string path, SourceText? sourceText, ParseError error)
        {
            var line = Math.Max(1, error.Location.Line);
            var column = Math.Max(1, error.Location.Column ?? 1);
            var start = 0;
            var length = 0;
            if (sourceText != null && sourceText.Lines.Count > 0)
            {
                var textLine = sourceText.Lines[Math.Min(line, sourceText.Lines.Count) - 1];
                start = Math.Min(textLine.Start + column - 1, textLine.End);
                length = textLine.End - start;
            }

            return new DiagnosticModel(path, line, column, start, length, error.Message);
        }
    }
}
