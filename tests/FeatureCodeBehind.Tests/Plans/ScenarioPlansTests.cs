using FeatureXunit;
using FeatureCodeBehind.Tests.Golden;

namespace FeatureCodeBehind.Tests.Plans;

/// <summary>The runner calls the base class makes for each pickle, as Reqnroll's own code-behind would make them.</summary>
public sealed class ScenarioPlansTests
{
    private static IReadOnlyList<ScenarioPlan> Plans(string file)
    {
        var feature = FeatureParser.Parse("features/golden/" + file, File.ReadAllText(Path.Combine(GoldenFiles.SourceDirectory(), file)), "en-US");
        return ScenarioPlans.Build(feature.Document, feature.Pickles);
    }

    [Fact]
    public void Build_PlainScenario_RunsTheBackgroundFirstWithTheKeywordsAsWritten()
    {
        var plan = Plans("showcase.feature")[0];

        plan.Steps.Select(s => (s.Kind, s.Keyword, s.Text)).Should().Equal(
            (StepKind.Given, "Given ", "pool gpu-0 serves llama-7b-v1"),
            (StepKind.When, "When ", "the pools are listed"),
            (StepKind.Then, "Then ", "1 pool is listed"),
            (StepKind.But, "But ", "no pool is draining"));
        plan.Steps[1].Rows.Should().BeEquivalentTo(new[] { new[] { "pool", "model" }, new[] { "gpu-0", "llama-7b-v1" } });
        plan.Steps[1].Line.Should().Be(11);
        plan.Rule.Should().BeNull();
        plan.Description.Should().BeNull("an empty description is passed as null, as Reqnroll's code-behind does");
    }

    [Fact]
    public void Build_OutlineRow_TakesTheAstTitleTheRowValuesAndTheExamplesTags()
    {
        var plan = Plans("showcase.feature")[2];

        plan.Title.Should().Be("Add <a> and <b>");
        plan.Steps.Select(s => s.Text).Should().Equal("pool gpu-0 serves llama-7b-v1", "100 and 200 are added", "the sum is 300");
        plan.Arguments.Select(a => $"{a.Key}={a.Value}").Should().Equal("a=100", "b=200", "sum=300");
        plan.Tags.Should().Equal("outline", "large");
        plan.InheritedTags.Should().Equal("showcase", "serial");
        plan.Line.Should().Be(30, "a row's test navigates to its Examples row");
    }

    [Fact]
    public void Build_ScenarioInARule_RunsBothBackgroundsAndCarriesTheRule()
    {
        var plan = Plans("showcase.feature")[4];

        plan.Steps.Select(s => s.Text).Should().Equal(
            "pool gpu-0 serves llama-7b-v1", "the archive is empty", "the document is stored", "the archive holds 1 document");
        plan.Steps[2].DocString.Should().Be("# Title\nBody with \\\"quotes\\\" and a <placeholder>");
        plan.Steps[3].Kind.Should().Be(StepKind.And, "'*' is in every keyword list and Reqnroll checks And first");
        plan.Rule!.Title.Should().Be("Documents are kept as written");
        plan.Rule.Tags.Should().Equal("rule-tag");
        plan.InheritedTags.Should().Equal("showcase", "serial", "rule-tag");
        plan.Tags.Should().Equal("doc");
    }

    [Fact]
    public void Build_GermanFeature_ChoosesTheCallsByTheGermanKeywords()
    {
        var plan = Plans("german.feature").Single();

        plan.Steps.Select(s => s.Kind).Should().Equal(StepKind.Given, StepKind.When, StepKind.Then, StepKind.And, StepKind.But);
        plan.Steps[0].Keyword.Should().Be("Angenommen ");
    }

    [Fact]
    public void CreateInfo_PassesTheTitleTheArgumentsAndEveryTag()
    {
        var info = Plans("showcase.feature")[1].CreateInfo(1);

        info.Title.Should().Be("Add <a> and <b>");
        info.Arguments["sum"].Should().Be("3");
        info.CombinedTags.Should().Contain(["outline", "small", "showcase", "serial"]);
    }
}
