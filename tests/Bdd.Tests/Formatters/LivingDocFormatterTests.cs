using System.Text;
using Bdd.Events;
using Bdd.Formatters;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Formatters;

public class LivingDocFormatterTests
{
    private static async Task<(string Index, string Page, string Directory)> RunAsync(string? notRunScenario = null)
    {
        var events = await ReportRun.EventsAsync();
        if (notRunScenario is not null)
            events = WithoutScenario(events, notRunScenario);
        var directory = Path.Combine(ReportRun.TempDirectory(), "living-doc");
        ReportRun.Replay(new LivingDocFormatter(Path.Combine(directory, "index.html")), events);
        return (await File.ReadAllTextAsync(Path.Combine(directory, "index.html")),
            await File.ReadAllTextAsync(Path.Combine(directory, "supervision_pool-reports.html")), directory);
    }

    [Fact]
    public async Task Index_GroupsFeaturesByFolderWithCounts()
    {
        var (index, _, directory) = await RunAsync();

        index.Should().Contain("<h2>supervision</h2>");
        index.Should().Contain("<a href=\"supervision_pool-reports.html\">Pool reports</a>");
        index.Should().Contain("2 passed").And.Contain("2 failed").And.Contain("2 pending").And.Contain("0 skipped");
        File.Exists(Path.Combine(directory, LivingDocFormatter.StylesheetName)).Should().BeTrue();
    }

    [Fact]
    public async Task Index_FullRun_ShowsNoNotRunCountOrColumn()
    {
        var (index, page, _) = await RunAsync();

        index.Should().NotContain("count notrun").And.NotContain("<th>Not run</th>").And.NotContain("<span class=\"notrun\"");
        page.Should().NotContain("count notrun");
    }

    [Fact]
    public async Task Index_FilteredRun_CountsScenariosThatDidNotRunApartFromSkipped()
    {
        var (index, _, _) = await RunAsync(notRunScenario: "A drained pool is ready");

        var header = index[..index.IndexOf("</header>", StringComparison.Ordinal)];
        header.Should().Contain(">1 passed</span>").And.Contain(">0 skipped</span>")
            .And.Contain("<span class=\"count notrun\" title=\"not run\">1 not run</span>");
        header.Should().MatchRegex("<span class=\"notrun\" style=\"width:[0-9.]+%\"></span></div>", "the bar ends with a not-run segment");
        index.Should().Contain("<th>Skipped</th><th>Not run</th><th>Status</th>");
        index.Should().MatchRegex("<td class=\"num\">0</td><td class=\"num\">1</td><td><div class=\"bar\">", "the feature row has 0 skipped, 1 not run");
    }

    [Fact]
    public async Task FeaturePage_FilteredRun_CountsNotRunAndBadgeAgree()
    {
        var (_, page, _) = await RunAsync(notRunScenario: "A drained pool is ready");

        page[..page.IndexOf("</header>", StringComparison.Ordinal)].Should().Contain(">0 skipped</span>").And.Contain(">1 not run</span>")
            .And.Contain("<span class=\"notrun\"");
        Scenario(page, "A drained pool is ready").Should().Contain("<span class=\"badge notrun\">not run</span>");
    }

    [Fact]
    public void StatusCounts_EveryStatus_LandsInItsColumn()
    {
        var counts = new StatusCounts();
        foreach (var status in Enum.GetValues<DocStatus>())
            counts.Add(status);
        var doubled = new StatusCounts();
        doubled.Add(counts);
        doubled.Add(counts);

        (counts.Passed, counts.Failed, counts.Pending, counts.Skipped, counts.NotRun, counts.Total).Should().Be((1, 2, 2, 1, 1, 7));
        (doubled.NotRun, doubled.Skipped, doubled.Total).Should().Be((2, 2, 14));
    }

    [Fact]
    public void Counts_NoNotRun_OmitsIt_OtherwiseAppendsIt()
    {
        var ran = new StatusCounts();
        ran.Add(DocStatus.Skipped);
        var filtered = new StatusCounts();
        filtered.Add(DocStatus.NotRun);
        var withoutNotRun = new StringBuilder();
        var withNotRun = new StringBuilder();

        LivingDocHtml.Counts(withoutNotRun, ran);
        LivingDocHtml.Counts(withNotRun, filtered);

        withoutNotRun.ToString().Should().Contain(">1 skipped</span>").And.NotContain("not run");
        withNotRun.ToString().Should().Contain(">0 skipped</span>").And.EndWith(">1 not run</span></span>");
    }

    [Fact]
    public async Task Index_ListsTagVocabularyWithScenarios()
    {
        var (index, _, _) = await RunAsync();

        var drain = index[index.IndexOf("<span class=\"tag\">@drain</span>", StringComparison.Ordinal)..];
        drain[..drain.IndexOf("</dd>", StringComparison.Ordinal)].Should().Contain("1 scenario").And.Contain("A drained pool is ready")
            .And.NotContain("A draining pool refuses a lease");
        var reports = index[index.IndexOf("<span class=\"tag\">@reports</span>", StringComparison.Ordinal)..];
        reports[..reports.IndexOf("</dd>", StringComparison.Ordinal)].Should().Contain("5 scenarios", "the outline counts once");
        index.Should().Contain("A pool holds a bounded number of leases");
    }

    [Fact]
    public async Task FeaturePage_ShowsDescriptionRulesBackgroundAndSteps()
    {
        var (_, page, _) = await RunAsync();

        page.Should().Contain("Pools serve models to tenants.");
        page.Should().Contain("<span class=\"kw\">Rule:</span> A draining pool refuses new leases");
        page.Should().Contain("Drain lets running leases finish.");
        page.Should().Contain("<span class=\"kw\">Background:</span>");
        page.Should().Contain("<span class=\"kw\">Given</span> a pool named <span class=\"arg\">&quot;gpu-0&quot;</span>");
        page.Should().Contain("<td>llama-7b-v1</td>", "data tables are shown");
        page.Should().Contain("<pre class=\"docstring\">max-leases: 10</pre>");
        page.Should().Contain("the pool has <span class=\"param\">&lt;leases&gt;</span> leases");
        page.Should().Contain("the pool logs <span class=\"arg\">&quot;drained &lt;gpu-0&gt;&quot;</span>", "a matched argument is highlighted, not as a parameter");
    }

    [Fact]
    public async Task FeaturePage_HighlightsMatchedArgumentsOnlyWhereTheStepReadsAsRun()
    {
        var (_, page, _) = await RunAsync();

        page.Should().Contain("the pool has <span class=\"param\">&lt;leases&gt;</span> leases",
            "an outline step shows its parameter; its arguments differ per row");
        page.Should().Contain("<span class=\"kw\">When</span> nobody implemented this step</li>", "an undefined step has no arguments");
        page.Should().Contain("<span class=\"kw\">When</span> the pool fails with <span class=\"arg\">&quot;pool gpu-0 is draining &lt;/script&gt;&quot;</span>");
    }

    [Theory]
    [InlineData("the pool has 3 leases", 13, "3", "the pool has <span class=\"arg\">3</span> leases")]
    [InlineData("the pool has 3 leases", 13, "4", "the pool has 3 leases")]
    [InlineData("the pool has 3 leases", 20, "3 leases", "the pool has 3 leases")]
    [InlineData("a <b> & c", 2, "<b>", "a <span class=\"arg\">&lt;b&gt;</span> &amp; c")]
    public void Arguments_HighlightOnlyWhatIsInTheText(string text, int start, string value, string expected)
    {
        LivingDocFeaturePage.Arguments(text, [new StepMatchArgument(start, value, "int")]).Should().Be(expected);
    }

    [Fact]
    public void Arguments_OverlappingOrMissingGroups_AreSkipped()
    {
        StepMatchArgument[] arguments = [new(6, "in 5 s", null), new(9, "5", "int"), new(null, null, null), new(0, "", null)];

        LivingDocFeaturePage.Arguments("drain in 5 s", arguments).Should().Be("drain <span class=\"arg\">in 5 s</span>");
    }

    [Fact]
    public async Task FeaturePage_ShowsStatusesDurationsAndFailures()
    {
        var (_, page, _) = await RunAsync();

        Scenario(page, "A drained pool is ready").Should().Contain("<span class=\"badge passed\">passed</span>").And.Contain("class=\"duration\"");
        Scenario(page, "A draining pool refuses a lease").Should().Contain("<span class=\"badge failed\">failed</span>")
            .And.Contain("<pre class=\"failure failed\">").And.Contain("pool gpu-0 is draining &lt;/script&gt;");
        Scenario(page, "Restart storms are still being specified").Should().Contain("<span class=\"badge pending\">pending</span>").And.Contain("<pre class=\"failure pending\">");
        Scenario(page, "Nobody wrote the step yet").Should().Contain("<span class=\"badge undefined\">undefined</span>");
    }

    [Fact]
    public async Task FeaturePage_ExamplesRows_HaveTheirOwnStatus()
    {
        var (_, page, _) = await RunAsync();
        var outline = Scenario(page, "A pool holds a bounded number of leases");

        outline.Should().Contain("<th>description</th><th>leases</th><th>Status</th>");
        outline.Should().Contain("<tr class=\"passed\"><td>within</td><td>2</td><td><span class=\"badge passed\">passed</span>");
        outline.Should().Contain("<tr class=\"failed\"><td>beyond</td><td>99</td><td><span class=\"badge failed\">failed</span>");
        outline.Should().Contain("<b>Row 2:</b>").And.Contain("pool gpu-0 cannot hold 99 leases");
    }

    /// <summary>The article of the scenario titled <paramref name="name"/>.</summary>
    private static string Scenario(string page, string name)
    {
        var title = page.IndexOf("</span> " + name + " <span class=\"badge", StringComparison.Ordinal);
        title.Should().BeGreaterThan(0, $"the page shows scenario '{name}'");
        var start = page.LastIndexOf("<article", title, StringComparison.Ordinal);
        return page[start..page.IndexOf("</article>", title, StringComparison.Ordinal)];
    }

    /// <summary>The run as if <paramref name="name"/> had been filtered out: its test case never started.</summary>
    private static IReadOnlyList<RunEvent> WithoutScenario(IReadOnlyList<RunEvent> events, string name)
    {
        var dropped = events.OfType<TestCaseStarted>().Where(e => e.Pickle.Name == name).Select(e => e.TestCaseStartedId).ToHashSet();
        dropped.Should().NotBeEmpty($"the report run has scenario '{name}'");
        return [.. events.Where(e => e switch
        {
            TestCaseStarted started => !dropped.Contains(started.TestCaseStartedId),
            TestCaseFinished finished => !dropped.Contains(finished.TestCaseStartedId),
            _ => true,
        })];
    }
}
