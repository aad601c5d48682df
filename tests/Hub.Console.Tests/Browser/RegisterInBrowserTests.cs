using Hub.WebConsole.Security;
using Hub.WebConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace Hub.WebConsole.Tests.Browser;

/// <summary>
/// A real browser against the console on Kestrel: signs in with the start-up password and opens the register, with the
/// GOV.UK Frontend stylesheet and script served and allowed by the console's Content-Security-Policy.
/// </summary>
public sealed class RegisterInBrowserTests : IDisposable
{
    private readonly AgreementFolder _agreements = new();
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("agencyhub-console-chromium.");

    public void Dispose()
    {
        _agreements.Dispose();
        _profile.Delete(recursive: true);
    }

    [Fact]
    public async Task An_ig_lead_signs_in_and_reads_the_register()
    {
        using var factory = new ConsoleFactory(_agreements, [ConsoleRoles.IgLead]);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
            .First();
        using var browser = Chromium.Start(_profile.FullName);

        browser.Navigate().GoToUrl(address + "/agreements");
        await WaitForAsync(browser, () => browser.Url.Contains("/sign-in", StringComparison.Ordinal), "the sign-in page");
        browser.FindElement(By.Id("password")).SendKeys(factory.Password);
        browser.FindElement(By.CssSelector("[data-testid=sign-in]")).Click();

        await WaitForAsync(browser, () => browser.FindElements(By.CssSelector("[data-testid=register]")).Count == 1, "the register after signing in");
        new Uri(browser.Url).AbsolutePath.ShouldBe("/agreements");
        browser.FindElement(By.CssSelector("tr[data-agreement='DSA-001'] a")).Text.ShouldBe("DSA-001@4");
        browser.FindElements(By.CssSelector("tr[data-agreement='TST-901'] [data-testid=badge]")).Select(b => b.Text.Trim()).ShouldBe(["Active", "Expiring soon"]);

        // The compiled GOV.UK stylesheet applies (system font, not GDS Transport), and its script ran under the CSP.
        browser.ExecuteScript("return getComputedStyle(document.querySelector('.govuk-table')).fontFamily;")!.ToString()!.ShouldStartWith("arial");
        await WaitForAsync(browser, () => (bool)browser.ExecuteScript("return document.body.classList.contains('govuk-frontend-supported');")!, "GOV.UK Frontend's script to start");
    }

    private static async Task WaitForAsync(OpenQA.Selenium.Chrome.ChromeDriver browser, Func<bool> condition, string what) =>
        await Eventually.UntilAsync(() => Safe(condition), done => done, $"{what} (at {browser.Url})");

    private static bool Safe(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (WebDriverException)
        {
            return false;
        }
    }
}
