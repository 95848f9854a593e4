using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests.Browser;

/// <summary>
/// The living documentation of this repository's own features/ (documentation only, with living-doc.json), built
/// once and opened in headless Chromium from Debian's packages (/usr/bin/chromium, /usr/bin/chromedriver).
/// Without them the browser tests skip, unless LIVINGDOC_BROWSER_REQUIRED=1 (as in CI), when they fail.
/// </summary>
public class LivingDocPage : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";
    private ChromeDriver? _driver;

    public LivingDocPage()
        : this(root => ["--features", Path.Combine(root, "features"), "--config", Path.Combine(root, "living-doc.json")])
    {
    }

    /// <summary>Builds the page with <paramref name="arguments"/> (given the repository's root) and <c>--output</c>.</summary>
    protected LivingDocPage(Func<string, string[]> arguments)
    {
        Output = Directory.CreateTempSubdirectory("living-doc-browser-").FullName;
        var error = new StringWriter();
        var exit = CommandLine.Run([.. arguments(Repository.Root()), "--output", Output], TextReader.Null, TextWriter.Null, error);
        if (exit != 0)
        {
            throw new InvalidOperationException($"living-doc exited {exit}: {error}");
        }
    }

    /// <summary>The folder the page is written to.</summary>
    protected string Output { get; }

    /// <summary>Whether Chromium and its driver are installed.</summary>
    public static bool Available => File.Exists(Chromium) && File.Exists(ChromeDriver);

    /// <summary>The page's address.</summary>
    public string Address => new Uri(Path.Combine(Output, "index.html")).AbsoluteUri;

    /// <summary>Skips the calling test when there is no browser, unless one is required.</summary>
    public static void RequireBrowser() =>
        Skip.If(!Available && Environment.GetEnvironmentVariable("LIVINGDOC_BROWSER_REQUIRED") != "1",
            $"headless Chromium is not installed ({Chromium}, {ChromeDriver}): apt-get install chromium chromium-driver");

    /// <summary>A fresh view of the page, <paramref name="width"/> pixels wide, at its address plus <paramref name="suffix"/> (a query, a #anchor).</summary>
    public IWebDriver Open(string suffix = "", int width = 1400)
    {
        _driver ??= Start();
        _driver.Manage().Window.Size = new Size(width, 1000);
        _driver.Navigate().GoToUrl("about:blank");
        _driver.Navigate().GoToUrl(Address + suffix);
        return _driver;
    }

    /// <summary>Saves a screenshot when LIVINGDOC_SCREENSHOTS names a folder (how the screenshots in docs/ are made).</summary>
    public static void Screenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("LIVINGDOC_SCREENSHOTS") is { Length: > 0 } folder)
        {
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }

    public static void Wait(IWebDriver driver, Func<IWebDriver, bool> condition) =>
        new WebDriverWait(driver, TimeSpan.FromSeconds(10)).Until(condition);

    /// <summary>Runs a script in the page and returns its result.</summary>
    public static object? Js(IWebDriver driver, string script, params object[] arguments) => ((IJavaScriptExecutor)driver).ExecuteScript(script, arguments);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        _driver?.Quit();
        Directory.Delete(Output, recursive: true);
    }

    private static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--hide-scrollbars",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("living-doc-chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
