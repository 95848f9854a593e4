using OpenQA.Selenium;

namespace LivingDoc.Tests.Browser;

/// <summary>
/// Readable content: descriptions are Markdown, feature text never becomes markup or script, no placeholder is a
/// visible title, outline rows are named by their values, step definitions are on the developers' view, and the
/// layout holds at 820 and 1400 px.
/// </summary>
public sealed class ReadableContentTests(ContentPage page, SampleRunPage sample) : IClassFixture<ContentPage>, IClassFixture<SampleRunPage>
{
    private static void OpenEverything(IWebDriver driver) =>
        LivingDocPage.Js(driver, "document.querySelectorAll('details').forEach(d => d.open = true);");

    [SkippableFact]
    public void HostileFeatureText_StaysInertText()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();
        OpenEverything(driver);
        LivingDocPage.Js(driver, "return window.pwned === undefined ? null : String(window.pwned);").Should().BeNull("no payload ran");
        LivingDocPage.Js(driver, "return document.scripts.length;").Should().Be(1L, "the page's own script is the only one");
        driver.FindElements(By.CssSelector("main img, main [onerror], main [onclick], main [onmouseover]")).Should().BeEmpty();
        var hrefs = driver.FindElements(By.CssSelector("a[href]")).Select(a => a.GetDomAttribute("href")!.Trim().ToLowerInvariant()).ToList();
        hrefs.Should().NotContain(h => h.StartsWith("javascript:", StringComparison.Ordinal) || h.StartsWith("data:", StringComparison.Ordinal));
        var text = driver.FindElement(By.CssSelector("section.feature")).Text;
        text.Should().Contain("<script>window.pwned='feature'</script>").And.Contain("<script>window.pwned='description'</script>")
            .And.Contain("<script>window.pwned='cell'</script>").And.Contain("</pre><script>window.pwned='docstring'</script>").And.Contain("link");
    }

    [SkippableFact]
    public void Descriptions_AreMarkdown()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();

        var description = driver.FindElement(By.CssSelector("#f-readable .description"));
        description.FindElement(By.TagName("strong")).Text.Should().Be("Markdown");
        description.FindElement(By.TagName("em")).Text.Should().Be("emphasis");
        description.FindElement(By.TagName("code")).Text.Should().Be("code");
        description.FindElement(By.CssSelector("a[href='https://reqnroll.net']")).Text.Should().Be("links");
        description.FindElements(By.CssSelector("ul li")).Select(l => l.Text).Should().Equal("first point", "second point");
        description.FindElements(By.TagName("p")).Select(p => p.Text).Should().Equal(
            "Descriptions are Markdown: paragraphs, lists, emphasis, code and links. A line broken in the source joins its paragraph.");
    }

    [SkippableFact]
    public void NoPlaceholderIsAVisibleTitle_AndRowsAreNamedByTheirValues()
    {
        LivingDocPage.RequireBrowser();
        var driver = page.Open();

        var titles = driver.FindElements(By.CssSelector("details.scenario > summary, #tree li.node-scenario")).Select(e => e.Text).ToList();
        titles.Should().Contain(t => t.Contains("Examples at line")).And.NotContain(t => t.Contains("<description>") || t.Contains("<value>"));
        driver.FindElements(By.CssSelector("#f-readable tr.pickle")).Select(r => r.GetDomAttribute("title")).Should().Equal("A short row", "Another row");
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void TheLayout_HasNoOverflowAndWideTablesScrollInsideTheirCard(int width)
    {
        LivingDocPage.RequireBrowser();
        foreach (var (driver, name) in new[] { (page.Open(width: width), "content"), (sample.Open(width: width), "sample"), (sample.Open("#steps", width), "developers") })
        {
            OpenEverything(driver);
            LivingDocPage.Js(driver, "return document.documentElement.scrollWidth - window.innerWidth;").Should().Be(0L, $"the {name} page does not scroll sideways at {width} px");
            var overflowing = LivingDocPage.Js(driver, """
                return Array.from(document.querySelectorAll('section.feature, section.appendix, details.scenario, section.failures, header.top, #tree'))
                  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).map(e => e.id || e.className);
                """);
            ((IEnumerable<object>)overflowing!).Should().BeEmpty($"no card of the {name} page overflows at {width} px");
        }

        var driver2 = page.Open("#readable--a-wide-table-scrolls-inside-its-card", width);
        LivingDocPage.Js(driver2, "var s = document.querySelector('#readable--a-wide-table-scrolls-inside-its-card .scroll'); return s.scrollWidth > s.clientWidth;")
            .Should().Be(true, "the wide table scrolls inside its card");
        LivingDocPage.Screenshot(driver2, $"living-doc-wide-table-{width}");
    }

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(820)]
    public void ABrokenOrLongTagExpression_IsShownWholeAndNotOverTheCounts(int width)
    {
        LivingDocPage.RequireBrowser();
        var driver = sample.Open(width: width);
        var tags = driver.FindElement(By.Id("tags"));

        tags.SendKeys("@sample and (");
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("tag-error")).Displayed);
        var error = driver.FindElement(By.Id("tag-error"));
        var totals = driver.FindElement(By.Id("totals"));
        var apart = error.Location.Y + error.Size.Height <= totals.Location.Y || totals.Location.Y + totals.Size.Height <= error.Location.Y;
        apart.Should().BeTrue("the message is not drawn over the counts");
        LivingDocPage.Js(driver, "var e = document.getElementById('tag-error'); return e.scrollWidth <= e.clientWidth;").Should().Be(true);
        LivingDocPage.Screenshot(driver, $"living-doc-tag-error-{width}");

        tags.Clear();
        var expression = string.Join(" or ", Enumerable.Range(1, 12).Select(i => $"(@sample and not @area-{i})"));
        tags.SendKeys(expression);
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("tags")).GetDomProperty("value") == expression);
        LivingDocPage.Js(driver, "var t = document.getElementById('tags'); return t.scrollHeight <= t.clientHeight + 1 && t.scrollWidth <= t.clientWidth;")
            .Should().Be(true, "the whole expression is in view, wrapped");
    }

    [SkippableFact]
    public void StepDefinitions_AreOnTheDevelopersViewOnly()
    {
        LivingDocPage.RequireBrowser();
        var driver = sample.Open();

        driver.FindElement(By.Id("steps")).Displayed.Should().BeFalse("the specification is for the product owner");
        driver.FindElement(By.LinkText("For developers")).Click();
        LivingDocPage.Wait(driver, d => d.FindElement(By.Id("steps")).Displayed);
        driver.FindElement(By.Id("steps")).Text.Should().Contain("FeatureSample.Sample.CounterSteps.At").And.Contain("Undefined steps");
        driver.FindElement(By.Id("view-spec")).Displayed.Should().BeFalse();
    }
}
