using System.Diagnostics;
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
public sealed class LivingDocPage : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";
    private readonly string _output = Directory.CreateTempSubdirectory("living-doc-browser-").FullName;
    private ChromeDriver? _driver;

    public LivingDocPage()
    {
        var root = Repository.Root();
        var exit = CommandLine.Run(
            ["--features", Path.Combine(root, "features"), "--output", _output, "--config", Path.Combine(root, "living-doc.json")], TextReader.Null, TextWriter.Null, TextWriter.Null);
        if (exit != 0)
        {
            throw new InvalidOperationException($"living-doc exited {exit}");
        }
    }

    /// <summary>Whether Chromium and its driver are installed.</summary>
    public static bool Available => File.Exists(Chromium) && File.Exists(ChromeDriver);

    /// <summary>Skips the calling test when there is no browser, unless one is required.</summary>
    public static void RequireBrowser() =>
        Skip.If(!Available && Environment.GetEnvironmentVariable("LIVINGDOC_BROWSER_REQUIRED") != "1",
            $"headless Chromium is not installed ({Chromium}, {ChromeDriver}): apt-get install chromium chromium-driver");

    /// <summary>A fresh view of the page.</summary>
    public IWebDriver Open()
    {
        _driver ??= Start();
        _driver.Navigate().GoToUrl(new Uri(Path.Combine(_output, "index.html")).AbsoluteUri);
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

    public void Dispose()
    {
        _driver?.Quit();
        Directory.Delete(_output, recursive: true);
    }

    private static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
            "--user-data-dir=" + Directory.CreateTempSubdirectory("living-doc-chromium-").FullName);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
