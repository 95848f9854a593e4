using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Bdd.Generator.Tests.Support;

/// <summary>
/// Runs <see cref="FeatureGenerator"/> over in-memory feature files with CSharpGeneratorDriver, exposes the
/// generated sources and diagnostics, and compiles the output against the real Bdd, Bdd.xUnit and xUnit assemblies.
/// </summary>
internal sealed class GeneratorHarness
{
    public const string ProjectDirectory = "/repo/src/Steps";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);
    private readonly Dictionary<string, string> _globals = new() { ["build_property.RootNamespace"] = "Steps" };
    private readonly List<AdditionalText> _files = [];
    private readonly List<string> _code = [];

    public GeneratorHarness WithRootNamespace(string? rootNamespace)
    {
        if (rootNamespace is null)
        {
            _globals.Remove("build_property.RootNamespace");
        }
        else
        {
            _globals["build_property.RootNamespace"] = rootNamespace;
        }

        return this;
    }

    /// <summary>Adds a file; <paramref name="relativePath"/> is relative to the repository root (e.g. "features/drain.feature").</summary>
    public GeneratorHarness WithFile(string relativePath, string text)
    {
        _files.Add(new InMemoryAdditionalText("/repo/" + relativePath, text));
        return this;
    }

    /// <summary>Adds hand-written C# to the compilation, next to the generated classes.</summary>
    public GeneratorHarness WithCode(string code)
    {
        _code.Add(code);
        return this;
    }

    public IReadOnlyList<AdditionalText> Files => _files;

    public GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            generators: [new FeatureGenerator().AsSourceGenerator()],
            additionalTexts: _files,
            parseOptions: ParseOptions,
            optionsProvider: new TestAnalyzerConfigOptionsProvider(_globals),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(string assemblyName = "Steps")
        => CSharpCompilation.Create(
            assemblyName,
            syntaxTrees: [],
            references: References.Value,
            options: new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Error));

    /// <summary>Runs the generator once over a fresh compilation.</summary>
    public GeneratorOutput Run()
    {
        var compilation = CreateCompilation().AddSyntaxTrees(_code.Select(code => CSharpSyntaxTree.ParseText(code, ParseOptions)));
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorOutput(driver.GetRunResult(), (CSharpCompilation)output, diagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var explicitOnes = new[]
        {
            typeof(Bdd.Execution.FeatureSource).Assembly.Location,
            typeof(Bdd.xUnit.ScenarioExecutor).Assembly.Location,
            typeof(Xunit.FactAttribute).Assembly.Location,
            typeof(Xunit.Abstractions.ITestOutputHelper).Assembly.Location,
            typeof(Xunit.Sdk.XunitTestCase).Assembly.Location,
        };
        return trusted.Concat(explicitOnes)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>The result of one generator run and the compilation that includes its output.</summary>
internal sealed record GeneratorOutput(GeneratorDriverRunResult RunResult, CSharpCompilation Compilation, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>The generated source whose hint name ends with <paramref name="suffix"/>.</summary>
    public string Source(string suffix)
        => Result.GeneratedSources.Single(source => source.HintName.EndsWith(suffix, StringComparison.Ordinal)).SourceText.ToString();

    public IReadOnlyList<string> HintNames => Result.GeneratedSources.Select(source => source.HintName).ToList();

    /// <summary>Compiler errors and warnings of the output compilation.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems
        => Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the compilation and loads it into a collectible context.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emit.Diagnostics));
        }

        stream.Position = 0;
        return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream);
    }
}
