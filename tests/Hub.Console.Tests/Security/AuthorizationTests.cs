using System.Net;
using Hub.WebConsole.Security;
using Hub.WebConsole.Tests.Infrastructure;

namespace Hub.WebConsole.Tests.Security;

/// <summary>Roles are enforced on the server: anonymous users are sent to sign in, the wrong role gets 403.</summary>
public sealed class AuthorizationTests : IDisposable
{
    private readonly AgreementFolder _agreements = new();

    public void Dispose() => _agreements.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/agreements")]
    [InlineData("/agreements/DSA-001")]
    [InlineData("/flow-matrix")]
    [InlineData("/what-if")]
    [InlineData("/no-such-page")]
    public async Task Anonymous_requests_are_redirected_to_sign_in(string path)
    {
        using var factory = new ConsoleFactory(_agreements);
        using var client = SignedInClient.Anonymous(factory);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/sign-in?ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/agreements")]
    [InlineData("/agreements/DSA-001")]
    [InlineData("/flow-matrix")]
    [InlineData("/what-if")]
    public async Task A_user_without_the_ig_lead_role_gets_403_on_its_pages(string path)
    {
        using var factory = new ConsoleFactory(_agreements, [ConsoleRoles.Operator, ConsoleRoles.Auditor]);
        using var client = await SignedInClient.CreateAsync(factory);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await Html.ReadAsync(response);
        page.QuerySelector("[data-testid=status-title]").Text().ShouldBe("You do not have access to this page");
        page.QuerySelector("[data-testid=register]").ShouldBeNull();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agreements")]
    [InlineData("/agreements/DSA-001")]
    [InlineData("/flow-matrix")]
    [InlineData("/what-if")]
    public async Task An_ig_lead_gets_the_page(string path)
    {
        using var factory = new ConsoleFactory(_agreements, [ConsoleRoles.IgLead]);
        using var client = await SignedInClient.CreateAsync(factory);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_operator_is_not_offered_the_ig_lead_pages()
    {
        using var factory = new ConsoleFactory(_agreements, [ConsoleRoles.Operator]);
        using var client = await SignedInClient.CreateAsync(factory);

        var page = await Html.ReadAsync(await client.GetAsync("/"));

        page.QuerySelector("[data-testid=roles]").Text().ShouldBe("operator");
        page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ShouldNotContain("/agreements");
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        using var factory = new ConsoleFactory(_agreements);
        using var client = SignedInClient.Anonymous(factory);

        var response = await SignedInClient.PostSignInAsync(client, factory.Password + "x");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ReadAsync(response);
        page.QuerySelector(".govuk-error-summary").Text().ShouldContain("The password is not the one this console printed");
        (await client.GetAsync("/agreements")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_never_to_another_site()
    {
        using var factory = new ConsoleFactory(_agreements);
        using var client = SignedInClient.Anonymous(factory);
        var back = await SignedInClient.PostSignInAsync(client, factory.Password, "/sign-in?ReturnUrl=%2Fflow-matrix");
        new Uri(client.BaseAddress!, back.Headers.Location!).ShouldBe(new Uri("http://localhost/flow-matrix"));

        using var other = SignedInClient.Anonymous(factory);
        var away = await SignedInClient.PostSignInAsync(other, factory.Password, "/sign-in?ReturnUrl=%2F%2Fevil.example%2F");
        new Uri(other.BaseAddress!, away.Headers.Location!).ShouldBe(new Uri("http://localhost/"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var factory = new ConsoleFactory(_agreements);
        using var client = await SignedInClient.CreateAsync(factory);
        var home = await Html.ReadAsync(await client.GetAsync("/"));
        var token = home.QuerySelector("form[action='/sign-out'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var response = await client.PostAsync("/sign-out", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_user_without_the_ig_lead_role_cannot_post_the_what_if_form()
    {
        using var leadFactory = new ConsoleFactory(_agreements, [ConsoleRoles.IgLead]);
        using var lead = await SignedInClient.CreateAsync(leadFactory);
        var form = await Html.ReadAsync(await lead.GetAsync("/what-if"));
        var hidden = form.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        using var factory = new ConsoleFactory(_agreements, [ConsoleRoles.Operator]);
        using var client = await SignedInClient.CreateAsync(factory);

        using var content = new FormUrlEncodedContent(hidden.Append(new("Input.CaseText", "source: probation")));
        var response = await client.PostAsync("/what-if", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Signing_out_without_the_form_token_is_refused()
    {
        using var factory = new ConsoleFactory(_agreements);
        using var client = await SignedInClient.CreateAsync(factory);

        using var content = new FormUrlEncodedContent([]);
        (await client.PostAsync("/sign-out", content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
