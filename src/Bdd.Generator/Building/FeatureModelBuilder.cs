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
    /// Parses one feature file and builds its <see cref="FeatureModel"/>: class and method names, scenario lines,
    /// feature tags, and parse errors located in the file. What a test shows (display name, traits, @ignore skip) is
    /// read from the embedded feature at discovery (Bdd.xUnit), so it costs nothing to compile.
    /// </summary>
    internal static class FeatureModelBuilder
    {
        private static readonly string[] ReservedMemberNames =
        {
            Emitting.FeatureEmitter.RunMethod, "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
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
                return new FeatureModel(path, uri, segments.ToEquatableArray(), className, title, tags, text,
                    EquatableArray<ScenarioModel>.Empty, errors, HasFeature: feature != null);
            }

            if (feature == null)
            {
                return new FeatureModel(path, uri, segments.ToEquatableArray(), className, title, tags, text,
                    EquatableArray<ScenarioModel>.Empty, EquatableArray<DiagnosticModel>.Empty, HasFeature: false);
            }

            var methodNames = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { className };
            var scenarios = new List<ScenarioModel>();
            foreach (var child in feature.Children)
            {
                if (child.Scenario != null)
                {
                    scenarios.Add(BuildScenario(child.Scenario, methodNames));
                }
                else if (child.Rule != null)
                {
                    foreach (var ruleChild in child.Rule.Children)
                    {
                        if (ruleChild.Scenario != null)
                        {
                            scenarios.Add(BuildScenario(ruleChild.Scenario, methodNames));
                        }
                    }
                }
            }

            return new FeatureModel(path, uri, segments.ToEquatableArray(), className, title, tags, text,
                scenarios.ToEquatableArray(), EquatableArray<DiagnosticModel>.Empty, HasFeature: true);
        }

        private static ScenarioModel BuildScenario(Scenario scenario, HashSet<string> methodNames)
        {
            var methodName = Identifiers.Unique(Identifiers.PascalCase(scenario.Name.Trim(), "Scenario" + scenario.Location.Line), methodNames);
            return new ScenarioModel(methodName, scenario.Location.Line, IsOutline: scenario.Examples.Count > 0);
        }

        private static EquatableArray<string> TagNames(IReadOnlyList<Tag>? tags)
            => tags == null
                ? EquatableArray<string>.Empty
                : tags.Select(tag => tag.Name.TrimStart('@')).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToEquatableArray();

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
