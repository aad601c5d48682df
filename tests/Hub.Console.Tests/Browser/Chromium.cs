using OpenQA.Selenium.Chrome;

namespace Hub.WebConsole.Tests.Browser;

/// <summary>
/// Debian's chromium and chromedriver, headless, with a fresh profile and nothing that reaches the network on its own.
/// Missing browser: the test fails saying how to install it (scripts/test.sh does), never skips.
/// </summary>
internal static class Chromium
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    public static ChromeDriver Start(string profile)
    {
        if (!File.Exists(BrowserPath) || !File.Exists(DriverPath))
        {
            throw new ShouldAssertException(
                $"The browser test needs Debian's chromium and chromedriver ({BrowserPath}, {DriverPath}): apt-get install chromium chromium-driver (scripts/test.sh installs them when missing).");
        }

        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
