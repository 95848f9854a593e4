namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>
/// A run is never green on a feature it did not run (issue 22): a malformed feature fails every build, incremental or
/// not, and a test run refuses to run a feature whose file changed since its tests were generated. Each test edits a
/// copy of tests/FeatureSample the way a user edits features/.
/// </summary>
[Collection(SampleBuilds.Name)]
public sealed class StaleFeatureTests
{
    private const string Passing = "  Scenario: A passing scenario";
    private const string Malformed = "  Scenario Outline broken here without colon";

    /// <summary>The scenarios of side-by-side.feature, which no test here edits.</summary>
    private static readonly string[] SideBySide = ["The first of two scenarios meets the second", "The second of two scenarios meets the first"];

    [Fact]
    public void Build_AfterAFeatureBecameMalformed_FailsEveryTime()
    {
        using var sample = new SampleCopy();
        sample.Build().Exit.Should().Be(0, "the sample builds before the edit");
        sample.Edit("outcomes.feature", Passing, Malformed);

        var first = sample.Build();
        var second = sample.Build();

        first.Exit.Should().NotBe(0, first.Output);
        second.Exit.Should().NotBe(0, "a repeated, incremental build must fail too:\n" + second.Output);
        second.Output.Should().Contain("outcomes.feature(8,3): error FCB0001");
    }

    [Fact]
    public void Test_AfterAFailedBuild_RunsNoScenarioOfTheOldText()
    {
        using var sample = new SampleCopy();
        sample.Build().Exit.Should().Be(0, "the sample builds before the edit");
        sample.Edit("outcomes.feature", Passing, Malformed);
        sample.Build().Exit.Should().NotBe(0);

        var built = sample.Test();
        var notBuilt = sample.Test("--no-build");

        built.Exit.Should().NotBe(0);
        built.Output.Should().Contain("error FCB0001");
        built.Results.Should().BeEmpty("the test run must not start on a project that does not build");
        notBuilt.Exit.Should().NotBe(0);
        notBuilt.Results.Where(r => r.Value.Outcome == "Passed").Select(r => r.Key).Should().BeEquivalentTo(["Ein Zähler zählt", .. SideBySide], "only the unchanged features run");
        notBuilt.Results["A passing scenario"].Message.Should().Contain("features/outcomes.feature changed since the test project was built").And.Contain("Rebuild");
    }

    [Fact]
    public void TestWithoutBuild_AfterAValidEdit_FailsTheEditedFeatureAskingForARebuild()
    {
        using var sample = new SampleCopy();
        sample.Build().Exit.Should().Be(0, "the sample builds before the edit");
        sample.Edit("outcomes.feature", "    Then the counter reads 2\n\n  Scenario: A failing", "    Then the counter reads 3\n\n  Scenario: A failing");

        var run = sample.Test("--no-build");

        run.Exit.Should().NotBe(0);
        var outcomes = run.Results.Where(r => r.Key is not ("Ein Zähler zählt" or "A failing text comparison shows both texts in full") && !SideBySide.Contains(r.Key)).ToArray();
        outcomes.Should().HaveCount(9).And.OnlyContain(r => r.Value.Outcome == "Failed", "no scenario of the edited feature may run its old text");
        outcomes.Should().OnlyContain(r => r.Value.Message.Contains("features/outcomes.feature changed since the test project was built", StringComparison.Ordinal)
            && r.Value.Message.Contains("Rebuild", StringComparison.Ordinal));
        run.Results["Ein Zähler zählt"].Outcome.Should().Be("Passed", "an unchanged feature still runs");
    }
}
