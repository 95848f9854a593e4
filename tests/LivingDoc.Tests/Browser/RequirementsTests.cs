using OpenQA.Selenium;

namespace LivingDoc.Tests.Browser;

/// <summary>
/// Requirements with content (testdata/requirements.md): each with its title, text, scenarios and their status;
/// those without scenarios; the tags that name none; found by id and title; no tracker link unless one is configured.
/// </summary>
public sealed class RequirementsTests(SampleRunPage page) : IClassFixture<SampleRunPage>
{
    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void ARequirement_ShowsItsTitleTextAndScenariosWithTheirStatus(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open("#req-large", width);

        var requirement = driver.FindElement(By.Id("req-large"));
        LivingDocPage.Wait(driver, _ => requirement.Displayed);
        requirement.FindElement(By.TagName("h3")).Text.Should().Contain("large").And.Contain("Large steps count exactly").And.Contain("2 scenarios").And.Contain("PASSED");
        requirement.Text.Should().Contain("A counter increased by hundreds reads them all.");
        requirement.FindElements(By.CssSelector("li")).Select(l => l.Text).Should().Equal("PASSED Increase by 100 Outcomes", "PASSED Increase by 500 Outcomes");
        requirement.FindElements(By.CssSelector("a.external")).Should().BeEmpty("no tracker is configured");
        LivingDocPage.Screenshot(driver, $"living-doc-requirement-{width}");

        requirement.FindElement(By.LinkText("Increase by 500")).Click();
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("outcomes--increase-by-by--500-500")).Displayed);
    }

    [SkippableFact]
    public void TheRequirements_ListThoseWithoutScenariosAndTagsNamingNone()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open("#requirements");

        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("requirements")).Displayed);
        driver.FindElement(By.Id("requirements-uncovered")).Text.Should().Contain("uncovered Counters can be reset");
        driver.FindElement(By.Id("requirements-unknown")).Text.Should().Contain("serial").And.Contain("Zähler › Ein Zähler zählt");
        driver.FindElement(By.Id("req-uncovered")).Text.Should().Contain("NO SCENARIO");
    }

    [SkippableFact]
    public void TheSearch_FindsScenariosAndRequirementsByRequirementIdAndTitle()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open("?q=" + Uri.EscapeDataString("carry their tags to"));

        LivingDocPage.Wait(driver, d => d.FindElements(By.CssSelector("details.scenario")).Count(e => e.Displayed) == 1);
        driver.FindElements(By.CssSelector("details.scenario")).Single(e => e.Displayed).Text.Should().Contain("A rule scenario runs both backgrounds");

        driver.FindElement(By.LinkText("Requirements")).Click();
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("requirements")).Displayed);
        driver.FindElements(By.CssSelector(".requirement")).Where(e => e.Displayed).Select(e => e.GetAttribute("id")).Should().Equal("req-rule-tag");
    }
}
