using OpenQA.Selenium;

namespace LivingDoc.Tests.Browser;

/// <summary>
/// Every state of the page is an address, at both widths: the address follows the search, the tags and the status;
/// "copy link" gives a scenario's address; any such address opened directly shows that state.
/// </summary>
public sealed class StableLinkTests(SampleRunPage page) : IClassFixture<SampleRunPage>
{
    private const string Row = "outcomes--increase-by-by--100-100";

    private static bool InView(IWebDriver driver, IWebElement element) => (bool)LivingDocPage.Js(driver,
        "var r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.top < window.innerHeight;", element)!;

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void TheAddress_FollowsTheSearchTheTagsAndTheStatus(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open(width: width);

        driver.FindElement(By.Id("search")).SendKeys("counter");
        driver.FindElement(By.Id("tags")).SendKeys("@large or @rule-tag");
        driver.FindElement(By.CssSelector("#totals button.count.passed")).Click();

        LivingDocPage.Wait(driver, d => d.Url.Contains("status=passed", StringComparison.Ordinal));
        driver.Url.Should().EndWith("index.html?q=counter&tags=%40large+or+%40rule-tag&status=passed");
        var shown = driver.FindElements(By.CssSelector("details.scenario")).Count(e => e.Displayed);

        driver.Navigate().GoToUrl(driver.Url);
        LivingDocPage.Wait(driver, d => d.FindElements(By.CssSelector("details.scenario")).Count(e => e.Displayed) == shown);
        driver.FindElement(By.Id("tags")).GetDomProperty("value").Should().Be("@large or @rule-tag");
        driver.FindElement(By.Id("search")).GetDomProperty("value").Should().Be("counter");
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void CopyLink_GivesTheScenarioAddressWhichOpensIt(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open("?q=failing", width);
        var scenario = driver.FindElement(By.Id("outcomes--a-failing-scenario-names-its-step"));

        scenario.FindElement(By.CssSelector("summary button.copy")).Click();

        var link = scenario.FindElement(By.CssSelector("summary button.copy")).GetAttribute("data-link");
        link.Should().Be(page.Address + "#outcomes--a-failing-scenario-names-its-step");
        scenario.GetAttribute("open").Should().BeNull("copying a link does not open or close the scenario");
        driver.Navigate().GoToUrl("about:blank");
        driver.Navigate().GoToUrl(link!);
        var opened = driver.FindElement(By.Id("outcomes--a-failing-scenario-names-its-step"));
        LivingDocPage.Wait(driver, _ => opened.GetAttribute("open") != null);
        InView(driver, opened).Should().BeTrue("the scenario is scrolled into view");
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void AnAnchorOpenedDirectly_ShowsItsScenarioOrRowOpenAndInView(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open("#" + Row, width);

        var row = driver.FindElement(By.Id(Row));
        LivingDocPage.Wait(driver, _ => row.Displayed);
        row.GetAttribute("class").Should().Contain("targeted");
        InView(driver, row).Should().BeTrue("the page is not blank: the row is in view");
        driver.FindElement(By.Id("outcomes--increase-by-by")).GetAttribute("open").Should().NotBeNull();

        driver.Navigate().GoToUrl(page.Address + "?status=failed#" + Row);
        row = driver.FindElement(By.Id(Row));
        LivingDocPage.Wait(driver, _ => row.Displayed);
        InView(driver, row).Should().BeTrue("a filter that hides what the address names gives way");

        driver.Navigate().GoToUrl(page.Address + "#steps");
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("steps")).Displayed);
        driver.FindElement(By.Id("view-spec")).Displayed.Should().BeFalse("the developer view replaces the specification");
    }
}
