using OpenQA.Selenium;

namespace LivingDoc.Tests.Browser;

/// <summary>
/// A reader in a real browser: searches, filters by tag expression, opens a scenario, follows a requirement link,
/// and sees counts follow. The page is the living documentation of this repository's features/.
/// </summary>
public sealed class BrowserTests(LivingDocPage page) : IClassFixture<LivingDocPage>
{
    private static IReadOnlyList<IWebElement> VisibleScenarios(IWebDriver driver) =>
        driver.FindElements(By.CssSelector("details.scenario")).Where(e => e.Displayed).ToList();

    private static string Totals(IWebDriver driver) => driver.FindElement(By.Id("totals")).Text;

    [SkippableFact]
    public void Search_TwoInteractions_FindTheReloadRollbackAndOpenIt()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();

        driver.FindElement(By.Id("search")).SendKeys("rolls back");
        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count == 1);
        var scenario = VisibleScenarios(driver).Single();
        scenario.FindElement(By.TagName("summary")).Click();

        scenario.Text.Should().Contain("A failure at any step rolls back to the old engine").And.Contain("the reload fails at");
        scenario.GetAttribute("open").Should().NotBeNull("clicking the title opens the scenario");
        driver.FindElement(By.CssSelector("[data-feature='f-supervision_reload']")).Displayed.Should().BeTrue();
        driver.FindElement(By.CssSelector("[data-feature='f-supervision_drain']")).Displayed.Should().BeFalse("the tree follows the search");
        driver.FindElements(By.CssSelector("li.node-scenario")).Count(e => e.Displayed).Should().Be(1);
        LivingDocPage.Screenshot(driver, "living-doc-search");
    }

    [SkippableFact]
    public void TagFilter_AnExpression_ShowsExactlyTheMatchingScenariosAndCountsThem()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();
        var before = Totals(driver);

        driver.FindElement(By.Id("tags")).SendKeys("@reload and not @process");
        LivingDocPage.Wait(driver, d => Totals(d) != before);

        var visible = VisibleScenarios(driver);
        visible.Should().NotBeEmpty();
        visible.Should().OnlyContain(s => s.GetAttribute("data-tags") == null || (s.GetAttribute("data-tags")!.Contains("@reload") && !s.GetAttribute("data-tags")!.Contains("@process")));
        var shown = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript(
            "return Array.from(document.querySelectorAll('.pickle')).filter(p => !p.hidden && !p.closest('details.scenario').hidden).length;"),
            System.Globalization.CultureInfo.InvariantCulture);
        shown.Should().BeGreaterThan(0);
        Totals(driver).Should().Contain($"{shown} not run", "the totals count the scenarios and rows shown");
        var features = driver.FindElements(By.CssSelector("section.feature"));
        features.Where(f => f.Displayed).Should().OnlyContain(f => f.FindElements(By.CssSelector("details.scenario")).Any(s => s.Displayed),
            "a feature is shown only with a scenario the filter keeps");
        features.Count(f => f.Displayed).Should().BeLessThan(features.Count, "the features with no such scenario are hidden");
        driver.FindElements(By.CssSelector("#tree li.folder")).Single(f => f.Displayed).FindElement(By.CssSelector(".area-counts")).Text
            .Should().Contain($"{shown} not run", "the area's counts follow the filter too");
        LivingDocPage.Screenshot(driver, "living-doc-tags");
    }

    [SkippableFact]
    public void TagFilter_ABrokenExpression_SaysWhatIsWrongAndFiltersNothing()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();
        var all = VisibleScenarios(driver).Count;

        driver.FindElement(By.Id("tags")).SendKeys("@drain and (");
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("tag-error")).Displayed);

        driver.FindElement(By.Id("tag-error")).Text.Should().Contain("ends too early");
        VisibleScenarios(driver).Should().HaveCount(all);
    }

    [SkippableFact]
    public void Address_PresetsTheSearchAndTheFilter()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();
        var all = VisibleScenarios(driver).Count;
        driver.FindElement(By.Id("search")).SendKeys("rollback");
        driver.FindElement(By.Id("tags")).SendKeys("@process");
        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count < all);
        var typed = VisibleScenarios(driver).Count;
        typed.Should().BePositive("some @process scenario is about a rollback");

        page.Open("?q=rollback&tags=" + Uri.EscapeDataString("@process"));

        LivingDocPage.Wait(driver, d => VisibleScenarios(d).Count == typed);
        driver.FindElement(By.Id("tags")).GetDomProperty("value").Should().Be("@process");
        VisibleScenarios(driver).Select(s => s.GetDomProperty("textContent")!).Should().OnlyContain(t => t.Contains("rollback", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public void Titles_ShowNoPlaceholder()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();

        var titles = driver.FindElements(By.CssSelector("details.scenario > summary, #tree li.node-scenario")).Select(e => e.GetDomProperty("textContent")!).ToList();

        titles.Should().HaveCountGreaterThan(100).And.NotContain(t => t.Contains('<') || t.Contains("Examples at line"), "every outline in features/ states its rule");
    }

    [SkippableFact]
    public void Tree_AScenarioLink_OpensTheScenario()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();

        var link = driver.FindElement(By.CssSelector("li.node-scenario a[href]"));
        var target = link.GetAttribute("href")!.Split('#')[1];
        link.Click();

        LivingDocPage.Wait(driver, d => d.FindElement(By.Id(target)).GetAttribute("open") != null);
        driver.FindElement(By.Id(target)).FindElement(By.CssSelector("ol.steps")).Displayed.Should().BeTrue();
    }

    [SkippableFact]
    public void RequirementLink_LeadsToTheRequirementAndItsScenarios()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();
        driver.FindElement(By.Id("search")).SendKeys("rolls back");
        var scenario = VisibleScenarios(driver).Single();
        scenario.FindElement(By.TagName("summary")).Click();

        driver.FindElement(By.CssSelector("a.tag.req[href='#req-OC-POOL-3021']")).Click();

        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("req-OC-POOL-3021")).Displayed);
        driver.Url.Should().EndWith("#req-OC-POOL-3021");
        var requirement = driver.FindElement(By.Id("req-OC-POOL-3021"));
        requirement.Text.Should().Contain("OC-POOL-3021").And.Contain("A failed step restores the old engine").And.Contain("the old model and the old engine serve again")
            .And.Contain("A rollback restores the old model");
        requirement.FindElements(By.CssSelector("a.external")).Should().BeEmpty("living-doc.json configures no tracker");
        driver.FindElements(By.CssSelector("#requirements-unknown, #requirements-uncovered")).Should().BeEmpty("docs/requirements.md covers every @req: tag of features/ and each has a scenario");
        LivingDocPage.Screenshot(driver, "living-doc-requirement");
    }
}
