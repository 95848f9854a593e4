using System.Reflection;
using Bdd.Execution;
using Bdd.Matching;
using Bdd.Tests.Support;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Bdd.Tests.Matching;

public class SnippetGeneratorTests
{
    [Theory]
    [InlineData(StepDefinitionType.Given, "pool \"gpu-0\" serves 'llama 7b' with 4 slots", StepArgumentKind.None,
        "[Given(\"pool {string} serves {string} with {int} slots\")]", "public void GivenPoolServesWithSlots(string p0, string p1, int p2)")]
    [InlineData(StepDefinitionType.When, "the load reaches 0.75", StepArgumentKind.None,
        "[When(\"the load reaches {float}\")]", "public void WhenTheLoadReaches(double p0)")]
    [InlineData(StepDefinitionType.Then, "the pools are", StepArgumentKind.DataTable,
        "[Then(\"the pools are\")]", "public void ThenThePoolsAre(DataTable dataTable)")]
    [InlineData(StepDefinitionType.Given, "the config (v2) {raw} a/b", StepArgumentKind.DocString,
        "[Given(\"the config \\\\(v2\\\\) \\\\{raw\\\\} a\\\\/b\")]", "public void GivenTheConfigV2RawAB(string docString)")]
    [InlineData(StepDefinitionType.When, "pool gpu-0 has 3.", StepArgumentKind.None,
        "[When(\"pool gpu-0 has {int}.\")]", "public void WhenPoolGpu0Has(int p0)")]
    internal void Generate_StepText_DetectsParametersAndEscapes(StepDefinitionType type, string text, StepArgumentKind argument, string attribute, string signature)
    {
        var snippet = SnippetGenerator.Generate(type, text, argument);
        snippet.Should().StartWith(attribute + "\n" + signature + "\n{\n    throw new PendingStepException();\n}");
    }

    public static TheoryData<string> UndefinedSteps => new()
    {
        "Given pool \"gpu-0\" serves 'llama 7b' with 4 slots",
        "When the load reaches 0.75 after -3 retries",
        "Then the report (draft) shows {braces} and/or slashes \\ here",
        "Given the pools are\n      | name |\n      | a    |",
        "When the engine writes\n      \"\"\"\n      hello\n      \"\"\"",
    };

    [Theory]
    [MemberData(nameof(UndefinedSteps))]
    public async Task Snippet_PastedIntoABindingClass_CompilesAndMatchesTheStep(string step)
    {
        var feature = "Feature: Snippets\n  Scenario: Undefined\n    " + step + "\n";
        var (undefined, _) = await FeatureRun.OneAsync(feature);
        undefined.Status.Should().Be(ScenarioStatus.Undefined);
        var snippet = ExtractSnippet(undefined.Message!);

        var bindingType = Compile("using Bdd;\n\nnamespace Pasted;\n\n[Binding]\npublic class PastedSteps\n{\n" + snippet + "\n}\n").GetType("Pasted.PastedSteps")!;
        var (rerun, _) = await FeatureRun.OneAsync(feature, bindingType);
        rerun.Status.Should().Be(ScenarioStatus.Pending, rerun.Message);
    }

    private static string ExtractSnippet(string message)
    {
        var start = message.IndexOf("\n\n[", StringComparison.Ordinal) + 2;
        var end = message.IndexOf("\n}", start, StringComparison.Ordinal) + 2;
        return message[start..end];
    }

    private static Assembly Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(BindingAttribute).Assembly.Location));
        var compilation = CSharpCompilation.Create("Pasted" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty(source);
        return Assembly.Load(stream.ToArray());
    }
}
