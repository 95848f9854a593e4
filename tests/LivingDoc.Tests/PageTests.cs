using LivingDoc.Messages;
using LivingDoc.Model;
using LivingDoc.Pages;

namespace LivingDoc.Tests;

/// <summary>What the page holds for its script and its readers: data for search and filter, the step log, usage, requirements, history.</summary>
public sealed class PageTests
{
    private static readonly RunMessages Messages = SampleRun.Messages();
    private static readonly LivingDocRun Run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), Messages);

    private static string Render(LivingDocConfig? config = null, History? history = null) =>
        DocPage.Render(new PageContext(Run, config ?? LivingDocConfig.Default, history ?? History.Empty, StepUsageBuilder.Build(Messages, Run)));

    [Fact]
    public void Render_EveryPickle_CarriesItsTagsAndStatusForTheFilter()
    {
        var page = Render();

        page.Should().Contain("data-status=\"failed\" data-tags=\"@sample\"")
            .And.Contain("data-tags=\"@sample @large\"")
            .And.Contain("data-tags=\"@sample @rule-tag\"");
    }

    [Fact]
    public void Render_AFailedScenario_ShowsItsStepLogWithTheFailingStep()
    {
        var page = Render();

        page.Should().Contain("<summary>Show output</summary>").And.Contain("the counter reads 3</span>  <span class=\"muted\">failed");
    }

    [Fact]
    public void Render_AFailureMessageThatStartsWithItsLocation_ShowsTheLocationOnceBesideTheStepAndMessage()
    {
        var located = SampleRun.Lines().Select(l => l.Replace("\"message\":\"Assert.Equal() Failure", "\"message\":\"features/outcomes.feature:14: Then the counter reads 3\\nAssert.Equal() Failure", StringComparison.Ordinal));
        var messages = SampleRun.Messages(located);
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), messages);

        var page = DocPage.Render(new PageContext(run, LivingDocConfig.Default, History.Empty, StepUsageBuilder.Build(messages, run)));

        page.Should().Contain("<code class=\"where\">features/outcomes.feature:14</code><pre class=\"failure failed\">Then the counter reads 3\nAssert.Equal() Failure")
            .And.NotContain("features/outcomes.feature:14: Then", "the banner and the scenario show the location once, beside the message");
    }

    [Fact]
    public void Render_StepUsage_ListsEveryBindingAndFlagsUndefinedSteps()
    {
        var usage = StepUsageBuilder.Build(Messages, Run);

        usage.Bindings.Should().HaveCount(5);
        usage.Bindings.Single(b => b.Pattern == "a counter at {int}").Uses.Should().HaveCount(9, "every scenario of the sample but the ignored one starts with it");
        usage.Undefined.Should().ContainSingle().Which.Step.Should().Be("the counter is painted \"blue\" 3 times");
        Render().Should().Contain("Undefined steps");
    }

    [Fact]
    public void Render_RequirementTags_LinkToTheTraceabilityList()
    {
        var config = LivingDocConfig.Default with { RequirementTag = new System.Text.RegularExpressions.Regex("^@(?<id>rule-tag)$"), RequirementUrl = "https://tracker.example/{id}" };

        var page = Render(config);

        page.Should().Contain("<a class=\"tag req\" href=\"#req-rule-tag\">@rule-tag</a>")
            .And.Contain("<div class=\"requirement\" id=\"req-rule-tag\"")
            .And.Contain("href=\"https://tracker.example/rule-tag\"");
    }

    [Fact]
    public void Render_AScenarioThatFlippedAtTheSameTextAndCommit_IsMarkedFlaky()
    {
        var feature = Run.Features.Single(f => f.Uri == "features/outcomes.feature");
        var pickle = feature.Pickles.Single(p => p.Name == "A passing scenario");
        var result = new ScenarioResult(DocStatus.Failed, ScenarioKeys.Hash(pickle));
        var history = new History([
            new HistoryRun(DateTimeOffset.UnixEpoch, "c1", null, new Dictionary<string, ScenarioResult> { ["outcomes--a-passing-scenario"] = result }),
            new HistoryRun(DateTimeOffset.UnixEpoch.AddDays(1), "c1", null, new Dictionary<string, ScenarioResult> { ["outcomes--a-passing-scenario"] = result with { Status = DocStatus.Passed } })], true);

        Render(history: history).Should().Contain("class=\"mark flaky\"").And.Contain("class=\"mark fixed\"").And.Contain("class=\"trend\"").And.Contain("id=\"run-trend\"");
        Render(history: history with { IncludesCurrent = false }).Should().NotContain("class=\"mark ");
    }

    [Fact]
    public void Render_WithoutMessages_SaysItIsDocumentationOnly()
    {
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), new RunMessages([]));

        var page = DocPage.Render(new PageContext(run, LivingDocConfig.Default, History.Empty, StepUsage.Empty));

        page.Should().Contain("documentation only").And.Contain("No run results");
    }

    [Fact]
    public void Render_FeatureText_IsEscapedEverywhere()
    {
        var text = string.Join('\n',
            "@tag<b>",
            "Feature: Markup <script>alert(1)</script> & co",
            "  A description with <i>tags</i> & \"quotes\".",
            "",
            "  Scenario: Compare a < b & c > d",
            "    Given a step with <img src=x onerror=alert(1)>",
            "      \"\"\"",
            "      </pre><script>alert(2)</script>",
            "      \"\"\"",
            "    And a table",
            "      | <th> | & |");
        var run = RunBuilder.Build([FeatureFiles.Parse("features/markup.feature", text)], new RunMessages([]));

        var page = DocPage.Render(new PageContext(run, LivingDocConfig.Default, History.Empty, StepUsage.Empty));

        page.Should().NotContain("<script>alert").And.NotContain("<img").And.NotContain("<i>tags").And.NotContain("<b>")
            .And.Contain("Markup &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
            .And.Contain("Compare a &lt; b &amp; c &gt; d")
            .And.Contain("&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
            .And.Contain("@tag&lt;b&gt;");
    }

    [Theory]
    [InlineData("https://reqnroll.net", true)]
    [InlineData("mailto:po@example.org", true)]
    [InlineData("#req-OC-POOL-3010", true)]
    [InlineData("docs/supervision.md", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("vbscript:x", false)]
    public void Markdown_Safe_LetsOnlyWebMailAndRelativeLinksThrough(string url, bool safe)
    {
        Markdown.Safe(url.Replace("\\t", "\t", StringComparison.Ordinal)).Should().Be(safe);
    }

    [Fact]
    public void Markdown_ToHtml_RendersMarkdownButNoMarkupAndNoScriptLinks()
    {
        var html = Markdown.ToHtml("  A **bold** [link](https://x.org) and `code`.\n\n  - one\n  - two\n\n  <b>raw</b> [bad](javascript:alert(1)) ![i](x.png) <javascript:alert(2)>");

        html.Should().Contain("<strong>bold</strong>").And.Contain("<a href=\"https://x.org\">link</a>").And.Contain("<code>code</code>").And.Contain("<li>one</li>")
            .And.Contain("&lt;b&gt;raw&lt;/b&gt;").And.NotContain("<img").And.NotContain("href=\"javascript").And.NotContain("<pre");
    }

    [Fact]
    public void Where_AFailingOutlineRow_NamesTheStepLineAndTheRowLine()
    {
        var feature = Run.Features.Single(f => f.Uri == "features/outcomes.feature");
        var pickle = feature.Pickles.Single(p => p.Name == "Increase by 500");
        var then = feature.Scenario(pickle.AstNodeIds[0])!.Steps[1].Id;
        var outcome = new PickleOutcome(DocStatus.Failed, TimeSpan.Zero, "Expected: 501", new Dictionary<string, StepOutcome> { [then] = new(DocStatus.Failed, "Expected: 501") }, []);

        FailuresBanner.Where(feature, pickle, outcome).Should().Be("features/outcomes.feature:29 (row at line 40)");
        FailuresBanner.Where(feature, pickle, outcome with { Steps = new Dictionary<string, StepOutcome>() }).Should().Be("features/outcomes.feature:40", "a hook failed: the row's line");
    }
}
