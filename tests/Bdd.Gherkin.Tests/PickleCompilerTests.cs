using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests;

public class PickleCompilerTests
{
    private static IReadOnlyList<Pickle> Compile(string text)
    {
        var ids = new IncrementingIdGenerator();
        var result = GherkinParser.Parse(text, "features/x.feature", new ParseOptions { IdGenerator = ids });
        result.Errors.Should().BeEmpty();
        return PickleCompiler.Compile(result.Document!, ids);
    }

    [Fact]
    public void Compile_OutlineRow_SubstitutesNameStepTableCellsAndDocString()
    {
        var pickles = Compile("""
            Feature: f
              Scenario Outline: pool <pool> serves <model>
                Given pool <pool>
                  | pool   | model   |
                  | <pool> | <model> |
                Then the payload is
                  ```<type>
                  {"pool": "<pool>", "model": "<model>"}
                  ```

                Examples:
                  | pool  | model      | type |
                  | gpu-0 | llama-7b   | json |
                  | gpu-1 | mistral-7b | text |
            """);

        pickles.Should().HaveCount(2);
        var second = pickles[1];
        second.Name.Should().Be("pool gpu-1 serves mistral-7b");
        second.Steps[0].Text.Should().Be("pool gpu-1");
        second.Steps[0].Argument!.DataTable!.Rows[1].Cells.Select(c => c.Value).Should().Equal("gpu-1", "mistral-7b");
        second.Steps[1].Argument!.DocString.Should().Be(new PickleDocString("text", "{\"pool\": \"gpu-1\", \"model\": \"mistral-7b\"}"));
    }

    [Fact]
    public void Compile_Tags_AreInheritedFeatureRuleScenarioExamples()
    {
        var pickles = Compile("""
            @feature
            Feature: f
              @rule
              Rule: r
                @scenario
                Scenario Outline: s
                  Given <x>

                  @examples-1
                  Examples:
                    | x |
                    | 1 |

                  @examples-2
                  Examples:
                    | x |
                    | 2 |
            """);

        pickles.Select(p => string.Join(" ", p.Tags.Select(t => t.Name))).Should().Equal(
            "@feature @rule @scenario @examples-1",
            "@feature @rule @scenario @examples-2");
    }

    [Fact]
    public void Compile_Backgrounds_FeatureStepsThenRuleStepsArePrepended()
    {
        var pickles = Compile("""
            Feature: f
              Background:
                Given feature setup
              Rule: r
                Background:
                  Given rule setup
                Scenario: s
                  When it runs
                Scenario: empty
            """);

        pickles[0].Steps.Select(s => s.Text).Should().Equal("feature setup", "rule setup", "it runs");
        pickles[1].Steps.Should().BeEmpty("a scenario without steps gets no background steps, as in Cucumber");
    }

    [Fact]
    public void Compile_StepTypes_ConjunctionsInheritAndStarIsUnknown()
    {
        var pickles = Compile("""
            Feature: f
              Scenario: s
                And first
                Given a
                And b
                When c
                But d
                Then e
                * f
                And g
            """);

        pickles[0].Steps.Select(s => s.Type).Should().Equal(
            PickleStepType.Unknown, PickleStepType.Context, PickleStepType.Context, PickleStepType.Action,
            PickleStepType.Action, PickleStepType.Outcome, PickleStepType.Unknown, PickleStepType.Unknown);
    }

    [Fact]
    public void Compile_OutlineRow_LocationAndAstNodeIdsPointAtTheRow()
    {
        var ids = new IncrementingIdGenerator();
        var document = GherkinParser.Parse("Feature: f\n  Scenario Outline: s\n    Given <x>\n    Examples:\n      | x |\n      | 1 |\n", "x.feature", new ParseOptions { IdGenerator = ids }).Document!;
        var scenario = document.Feature!.Children[0].Scenario!;
        var row = scenario.Examples[0].TableBody[0];

        var pickle = PickleCompiler.Compile(document, ids).Single();

        pickle.Location.Should().Be(new Location(6, 7));
        pickle.AstNodeIds.Should().Equal(scenario.Id, row.Id);
        pickle.Steps[0].AstNodeIds.Should().Equal(scenario.Steps[0].Id, row.Id);
    }

    [Fact]
    public void Compile_StepWithDocStringAndTable_NumbersTheArguments()
    {
        var pickles = Compile("Feature: f\n  Scenario: s\n    Given a\n      | t |\n      \"\"\"\n      d\n      \"\"\"\n");

        var argument = pickles[0].Steps[0].Argument!;
        argument.DataTable!.ArgumentIndex.Should().Be(1);
        argument.DocString!.ArgumentIndex.Should().Be(2);
    }

    [Fact]
    public void Compile_DocumentWithoutFeature_GivesNoPickles()
    {
        Compile("# only a comment\n").Should().BeEmpty();
    }
}
