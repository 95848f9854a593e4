using OpenQA.Selenium;

namespace LivingDoc.Tests.Browser;

/// <summary>
/// Failures first, at both widths: the page opens on what failed, was undefined or pending, with file:line and the
/// whole message; the counts filter by status, combined with the search and the tags; ?status= presets them; the
/// tree shows each scenario's status.
/// </summary>
public sealed class FailuresFirstTests(SampleRunPage page) : IClassFixture<SampleRunPage>
{
    private static IReadOnlyList<string> VisibleScenarios(IWebDriver driver) =>
        driver.FindElements(By.CssSelector("details.scenario")).Where(e => e.Displayed).Select(e => e.FindElement(By.TagName("summary")).Text).ToList();

    /// <summary>The first cell of each Examples row the filters show (its scenario may be closed).</summary>
    private static IReadOnlyList<string> VisibleRows(IWebDriver driver) =>
        ((IReadOnlyCollection<object>)LivingDocPage.Js(driver,
            "return Array.from(document.querySelectorAll('tr.pickle')).filter(r => !r.hidden && !r.closest('details').hidden).map(r => r.cells[0].textContent);")!)
        .Select(o => (string)o).ToList();

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void Opening_ShowsEachFailureFirstWithFileLineAndTheWholeMessage(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open(width: width);

        var banner = driver.FindElement(By.Id("failures"));
        var first = driver.FindElement(By.CssSelector("#view-spec > *"));
        first.GetAttribute("id").Should().Be("failures", "what failed is the first thing in the specification");
        banner.Location.Y.Should().BeLessThan(1000, "the failures are in view when the page opens");
        var items = banner.FindElements(By.CssSelector("li")).Select(i => i.Text).ToList();
        items.Should().HaveCount(3);
        items[0].Should().Contain("Outcomes › A failing scenario names its step").And.Contain("features/outcomes.feature:14")
            .And.Contain("Expected: 3").And.Contain("Actual:   2");
        items[1].Should().Contain("An undefined step fails with a snippet").And.Contain("features/outcomes.feature:18").And.Contain("the counter is painted \"blue\" 3 times");
        items[2].Should().Contain("A pending step fails as pending").And.Contain("features/outcomes.feature:21");
        LivingDocPage.Screenshot(driver, $"living-doc-failures-{width}");

        banner.FindElement(By.CssSelector("li a")).Click();
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("outcomes--a-failing-scenario-names-its-step")).GetAttribute("open") != null);
        driver.FindElement(By.Id("outcomes--a-failing-scenario-names-its-step")).Text.Should().Contain("features/outcomes.feature:14");
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void ACount_IsAStatusFilterThatTheAddressFollows(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open(width: width);

        driver.FindElement(By.CssSelector("#totals button.count.failed")).Click();

        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count == 1);
        VisibleScenarios(driver).Single().Should().Contain("A failing scenario names its step");
        driver.FindElement(By.CssSelector("#totals button.count.failed")).GetAttribute("aria-pressed").Should().Be("true");
        driver.Url.Should().EndWith("?status=failed");

        driver.FindElement(By.CssSelector("#totals button.count.pending")).Click();
        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count == 3);
        driver.Url.Should().EndWith("?status=failed%2Cpending");
        driver.FindElement(By.CssSelector("#totals button.count.failed")).Click();
        driver.FindElement(By.CssSelector("#totals button.count.pending")).Click();
        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count == 9);
        driver.Url.Should().NotContain("?");
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void TheAddress_PresetsTheStatusAndItCombinesWithSearchAndTags(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open("?status=passed&tags=" + Uri.EscapeDataString("not @large") + "&q=increase", width);

        LivingDocPage.Wait(driver, d => VisibleRows(d).Count == 1);
        VisibleRows(driver).Should().Equal("1");
        VisibleScenarios(driver).Should().HaveCount(3).And.Contain(s => s.Contains("A passing scenario")).And.Contain(s => s.Contains("Increase by"))
            .And.Contain(s => s.Contains("Ein Zähler zählt"), "its step says \"increased\"");
        driver.FindElement(By.CssSelector("#totals button.count.passed")).GetAttribute("aria-pressed").Should().Be("true");

        driver.Navigate().GoToUrl(page.Address + "?status=undefined");
        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count == 2);
        VisibleScenarios(driver).Should().OnlyContain(s => s.Contains("PENDING") || s.Contains("UNDEFINED"));
    }

    [SkippableFact]
    public void TheTree_ShowsEachScenarioStatus()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();

        string Status(string scenario) => driver.FindElements(By.CssSelector("#tree li.node-scenario")).Single(n => n.Text == scenario)
            .FindElement(By.CssSelector("i.dot")).GetAttribute("title")!;

        Status("A failing scenario names its step").Should().Be("failed");
        Status("An undefined step fails with a snippet").Should().Be("undefined");
        Status("A passing scenario").Should().Be("passed");
        Status("Never ran").Should().Be("not run");
    }
}
