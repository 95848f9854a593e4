using System.Text.Json.Nodes;
using LivingDoc.Messages;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

/// <summary>A pickle that names no place in its feature (scenario, Examples row, document) is a mismatch: the page could not show its result.</summary>
public sealed class PickleLabelsTests
{
    [Fact]
    public void Check_APickleLabelledWithNoScenarioOfItsFeature_IsAMismatch()
    {
        var lines = SampleEdits.Edit("pickle", p => (string?)p["name"] == "A passing scenario", p => p["astNodeIds"] = new JsonArray("no-such-scenario"));

        Verification.Check(SampleRun.Messages(lines)).Should().ContainSingle()
            .Which.Should().Contain("'A passing scenario' (features/outcomes.feature) names AST node no-such-scenario, which is no scenario");
    }

    [Fact]
    public void Check_AnOutlinePickleWithoutItsExamplesRow_IsAMismatch()
    {
        var lines = SampleEdits.Edit("pickle", p => (string?)p["name"] == "Increase by 500", p => p["astNodeIds"]!.AsArray().RemoveAt(1));

        Verification.Check(SampleRun.Messages(lines)).Should().ContainSingle().Which.Should().Contain("names none of its Examples rows");
    }

    [Fact]
    public void Check_APickleOfAFeatureTheMessagesLack_IsAMismatch()
    {
        var lines = SampleEdits.Edit("pickle", p => (string?)p["name"] == "A passing scenario", p => p["uri"] = "features/elsewhere.feature");

        Verification.Check(SampleRun.Messages(lines)).Should().ContainSingle().Which.Should().Contain("no GherkinDocument");
    }
}
