using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Bdd.Generator.Building;
using Bdd.Generator.Configuration;
using Bdd.Generator.Emitting;
using Bdd.Generator.Model;
using Bdd.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bdd.Generator
{
    /// <summary>
    /// Compiles every <c>*.feature</c> AdditionalFile into an xUnit test class (see <see cref="FeatureEmitter"/>).
    /// Incremental per file: each feature is parsed in its own pipeline node, so editing one file re-parses and
    /// re-emits only that file. Inputs: AdditionalFiles <c>*.feature</c> and <c>reqnroll.json</c>, the build
    /// property RootNamespace (<c>&lt;CompilerVisibleProperty Include="RootNamespace" /&gt;</c>).
    /// Parse errors are reported as error BDD0001 at the file's line and column; an invalid reqnroll.json (not JSON,
    /// or a key the generator reads having the wrong type) as error BDD0002 at the problem's line and column.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FeatureGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (for incremental-generation tests).</summary>
        public static class Steps
        {
            public const string Settings = nameof(Settings);
            public const string ConfigurationDiagnostics = nameof(ConfigurationDiagnostics);
            public const string FeatureModel = nameof(FeatureModel);
            public const string ClassRenames = nameof(ClassRenames);
            public const string FeatureOutput = nameof(FeatureOutput);
        }

        internal static readonly DiagnosticDescriptor ParseErrorDescriptor = new DiagnosticDescriptor(
            id: "BDD0001",
            title: "Gherkin parse error",
            messageFormat: "{0}",
            category: "Bdd.Gherkin",
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The feature file is not valid Gherkin; the message is Cucumber's parser message.");

        internal static readonly DiagnosticDescriptor ConfigurationErrorDescriptor = new DiagnosticDescriptor(
            id: "BDD0002",
            title: "Invalid reqnroll.json",
            messageFormat: "{0}",
            category: "Bdd.Configuration",
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "reqnroll.json is not valid JSON, or a setting the generator reads has the wrong type; the runtime would fail every scenario for it.");

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var reqnrollFiles = context.AdditionalTextsProvider
                .Where(text => string.Equals(Path.GetFileName(text.Path), "reqnroll.json", StringComparison.OrdinalIgnoreCase))
                .Select((text, cancellationToken) => ReqnrollJsonReader.Read(text.GetText(cancellationToken)?.ToString(), text.Path))
                .Collect();
            var reqnroll = reqnrollFiles.Select((all, _) => all.IsDefaultOrEmpty ? ReqnrollSettings.Default : all[0].Settings);
            var configurationDiagnostics = reqnrollFiles
                .Select((all, _) => all.IsDefaultOrEmpty ? EquatableArray<ConfigDiagnostic>.Empty : all[0].Diagnostics)
                .WithTrackingName(Steps.ConfigurationDiagnostics);

            var rootNamespace = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) ? value : null)
                .Combine(context.CompilationProvider.Select((compilation, _) => compilation.AssemblyName))
                .Select((pair, _) => SanitizeNamespace(string.IsNullOrWhiteSpace(pair.Left) ? pair.Right : pair.Left));

            var settings = rootNamespace
                .Combine(reqnroll)
                .Select((pair, _) => new GeneratorSettings(pair.Left, pair.Right.NonParallelizableTags, pair.Right.FeatureLanguage))
                .WithTrackingName(Steps.Settings);

            var language = settings.Select((value, _) => value.FeatureLanguage);

            var features = context.AdditionalTextsProvider
                .Where(text => text.Path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase))
                .Combine(language)
                .Select((pair, cancellationToken) => FeatureModelBuilder.Build(pair.Left.Path, pair.Left.GetText(cancellationToken), pair.Right, cancellationToken))
                .WithTrackingName(Steps.FeatureModel);

            var renames = features
                .Select((feature, _) => new ClassKey(feature.FilePath, feature.NamespaceKey, feature.ClassName))
                .Collect()
                .Select((keys, _) => ComputeRenames(keys))
                .WithTrackingName(Steps.ClassRenames);

            var outputs = features
                .Combine(settings)
                .Combine(renames)
                .WithTrackingName(Steps.FeatureOutput);

            context.RegisterSourceOutput(outputs, (production, input) => EmitFeature(production, input.Left.Left, input.Left.Right, input.Right));
            context.RegisterSourceOutput(configurationDiagnostics, ReportConfigurationDiagnostics);
            context.RegisterSourceOutput(rootNamespace, (production, root) =>
                production.AddSource("Bdd.Assembly.g.cs", SourceText.From(AssemblyEmitter.Emit(root), Encoding.UTF8)));
        }

        private static void ReportConfigurationDiagnostics(SourceProductionContext production, EquatableArray<ConfigDiagnostic> diagnostics)
        {
            foreach (var problem in diagnostics)
            {
                var location = Location.Create(
                    problem.FilePath,
                    new TextSpan(problem.SpanStart, problem.SpanLength),
                    new LinePositionSpan(new LinePosition(problem.StartLine, problem.StartColumn), new LinePosition(problem.EndLine, problem.EndColumn)));
                production.ReportDiagnostic(Diagnostic.Create(ConfigurationErrorDescriptor, location, problem.Message));
            }
        }

        private static void EmitFeature(SourceProductionContext production, FeatureModel feature, GeneratorSettings settings, EquatableArray<ClassRename> renames)
        {
            foreach (var error in feature.Errors)
            {
                var location = Location.Create(
                    error.FilePath,
                    new TextSpan(error.SpanStart, error.SpanLength),
                    new LinePositionSpan(new LinePosition(error.Line - 1, error.Column - 1), new LinePosition(error.Line - 1, error.Column - 1 + error.SpanLength)));
                production.ReportDiagnostic(Diagnostic.Create(ParseErrorDescriptor, location, error.Message));
            }

            if (feature.Errors.Count > 0 || !feature.HasFeature)
            {
                return;
            }

            var className = renames.FirstOrDefault(rename => rename.FilePath == feature.FilePath)?.ClassName ?? feature.ClassName;
            var @namespace = settings.RootNamespace + ".Features" + string.Concat(feature.NamespaceSegments.Select(segment => "." + segment));
            var serial = feature.Tags.Any(tag => settings.NonParallelizableTags.Contains(tag));
            var source = FeatureEmitter.Emit(feature, @namespace, className, serial, settings.FeatureLanguage);
            production.AddSource(HintName(@namespace + "." + className), SourceText.From(source, Encoding.UTF8));
        }

        /// <summary>Feature classes whose name is taken in their namespace by a file earlier in path order get "_2", "_3", ...</summary>
        private static EquatableArray<ClassRename> ComputeRenames(ImmutableArray<ClassKey> keys)
        {
            var renames = new List<ClassRename>();
            foreach (var group in keys.GroupBy(key => key.NamespaceKey, StringComparer.Ordinal))
            {
                var taken = new HashSet<string>(StringComparer.Ordinal);
                foreach (var key in group.OrderBy(key => key.FilePath, StringComparer.Ordinal))
                {
                    var unique = Identifiers.Unique(key.ClassName, taken);
                    if (unique != key.ClassName)
                    {
                        renames.Add(new ClassRename(key.FilePath, unique));
                    }
                }
            }

            return renames.ToEquatableArray();
        }

        private static string SanitizeNamespace(string? value)
        {
            var segments = (value ?? string.Empty).Split('.')
                .Select(segment => Identifiers.PascalCase(segment, string.Empty))
                .Where(segment => segment.Length > 0)
                .ToArray();
            return segments.Length == 0 ? "Bdd" : string.Join(".", segments);
        }

        private static string HintName(string fullName)
        {
            var builder = new StringBuilder(fullName.Length + 5);
            foreach (var c in fullName)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_')
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append('_').Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return builder.Append(".g.cs").ToString();
        }
    }
}
