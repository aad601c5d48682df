using Hub.WebConsole.Pages.SignIn;
using Hub.WebConsole.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Hub.WebConsole.Tests.Security;

/// <summary>Every routable page states who may see it: a role policy, any console role, or anonymous by name.</summary>
public sealed class PageAuthorizationTests
{
    private static readonly string[] Anonymous = [typeof(SignIn).FullName!, "Hub.WebConsole.Pages.Errors.StatusPage"];

    private static readonly string[] Policies = [ConsolePolicies.IgLead, ConsolePolicies.Operator, ConsolePolicies.Auditor];

    [Fact]
    public void Every_page_names_its_policy_or_is_anonymous_by_name()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsDefined(typeof(RouteAttribute), inherit: false)).ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var page in pages)
        {
            var authorize = page.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>().ToList();
            var anonymous = page.IsDefined(typeof(AllowAnonymousAttribute), inherit: true);
            if (anonymous)
            {
                Anonymous.ShouldContain(page.FullName!, $"{page.FullName} allows anonymous users");
                continue;
            }

            authorize.ShouldNotBeEmpty($"{page.FullName} has no [Authorize]");
            foreach (var a in authorize)
            {
                (a.Policy is null || Policies.Contains(a.Policy)).ShouldBeTrue($"{page.FullName} names an unknown policy {a.Policy}");
            }
        }
    }

    [Fact]
    public void Ig_lead_pages_require_the_ig_lead_policy()
    {
        var agreementPages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == "Hub.WebConsole.Pages.Agreements" && t.IsDefined(typeof(RouteAttribute), inherit: false))
            .ToList();
        agreementPages.Count.ShouldBe(4);
        foreach (var page in agreementPages)
        {
            page.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>()
                .Select(a => a.Policy).ShouldContain(ConsolePolicies.IgLead, page.FullName);
        }
    }
}
