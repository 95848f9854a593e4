using System.Collections.Immutable;
using FeatureCodeBehind.Tests.Golden;
using FeatureXunit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeatureCodeBehind.Tests.Corpus;

/// <summary>
/// Whatever the Gherkin package parses generates code that compiles, and whose every pickle has a plan: a corpus of
/// unusual but valid features (every dialect family, Rules with Backgrounds, doc strings with either delimiter and
/// escapes, empty scenarios and outlines, descriptions, comments anywhere, odd whitespace and titles). Each invalid
/// feature of the corpus is a syntax error with a line.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Folder = Path.Combine(GoldenFiles.SourceDirectory(), "..", "Corpus");

    public static TheoryData<string> Good() => Files("good");

    public static TheoryData<string> Bad() => Files("bad");

    [Fact]
    public void GoodFeatures_GenerateCodeThatCompilesTogether()
    {
        var features = Directory.EnumerateFiles(Path.Combine(Folder, "good"), "*.feature").Order()
            .Select(path => (Path: path, Feature: FeatureParser.Parse("features/corpus/" + Path.GetFileName(path), File.ReadAllText(path), "en-US")))
            .ToArray();
        var names = ClassNames.Assign(features.Select(f => f.Feature));
        var config = new GeneratorConfig("en-US", ["serial"], []);
        var trees = features.Select(f => CSharpSyntaxTree.ParseText(
            CodeBehindFiles.Generate(f.Feature, "Corpus", f.Path, config, names.GetValueOrDefault(f.Feature.Uri)).Code,
            path: f.Feature.Uri + ".cs")).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(RepositoryRoot(), "src/FeatureCodeBehind/build/AssemblyHooks.cs")), path: "AssemblyHooks.cs"));

        var compilation = CSharpCompilation.Create("Corpus", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions([Suppress("CS1701"), Suppress("CS1702")])); // as the SDK does: assembly unification
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);

        result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString())
            .Should().BeEmpty("the generated code of every good feature should compile cleanly");
        result.Success.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Good))]
    public void GoodFeature_EveryPickleHasATestAndAPlanWithOneCallPerStep(string file)
    {
        var feature = FeatureParser.Parse("features/corpus/" + file, File.ReadAllText(Path.Combine(Folder, "good", file)), "en-US");
        if (feature.Document.Feature is null)
        {
            feature.Pickles.Should().BeEmpty();
            return;
        }

        var plans = ScenarioPlans.Build(feature.Document, feature.Pickles);
        var tests = ScenarioCatalog.Build(feature.Document, feature.Pickles);

        plans.Select(p => p.Steps.Count).Should().Equal(feature.Pickles.Select(p => p.Steps.Count));
        tests.Should().HaveCount(feature.Pickles.Count);
        tests.Where(t => t.DisplayName.Length == 0 || t.Line < 1).Should().BeEmpty("every test has a name and a line");
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void BadFeature_IsASyntaxErrorWithALine(string file)
    {
        var parse = () => FeatureParser.Parse("features/corpus/" + file, File.ReadAllText(Path.Combine(Folder, "bad", file)), "en-US");

        parse.Should().Throw<FeatureSyntaxException>().Which.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Line >= 1);
    }

    private static KeyValuePair<string, ReportDiagnostic> Suppress(string id) => new(id, ReportDiagnostic.Suppress);

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Folder, kind), "*.feature").Order())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static string RepositoryRoot() => Suite.RealSuiteTests.RepositoryRoot();

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var ours = new[]
        {
            typeof(FeatureTests).Assembly, typeof(Reqnroll.ScenarioInfo).Assembly, typeof(Xunit.FactAttribute).Assembly,
            typeof(Xunit.SkippableFactAttribute).Assembly, typeof(Xunit.Abstractions.ITestOutputHelper).Assembly,
            typeof(Io.Cucumber.Messages.Types.Pickle).Assembly,
        }.Select(a => a.Location);
        return platform.Concat(ours).Distinct().Select(path => MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
