using System.Net;
using Hub.WebConsole.Security;
using Hub.WebConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Hub.WebConsole.Tests.Security;

/// <summary>
/// In OpenID Connect mode an anonymous user is sent to the provider with the authorization code flow and PKCE. The
/// provider's discovery document is given in place (there is no provider to fetch it from); the rest is the
/// console's own handler configuration.
/// </summary>
public sealed class OidcChallengeTests : IDisposable
{
    private const string AuthorizeEndpoint = "https://login.example/tenant/oauth2/v2.0/authorize";

    private readonly AgreementFolder _agreements = new();

    public void Dispose() => _agreements.Dispose();

    [Fact]
    public async Task An_anonymous_user_is_sent_to_the_provider_with_code_flow_and_pkce()
    {
        using var factory = new ConsoleFactory(_agreements, settings: new Dictionary<string, string?>
        {
            ["Console:SignIn:Mode"] = "Oidc",
            ["Console:SignIn:Oidc:Authority"] = "https://login.example/tenant/v2.0",
            ["Console:SignIn:Oidc:ClientId"] = "agencyhub-console",
            ["Console:SignIn:Oidc:ClientSecret"] = "s3cret-from-the-store",
            ["Console:SignIn:Oidc:RoleMap:AgencyHub.IgLead"] = ConsoleRoles.IgLead,
        });
        var discovery = new OpenIdConnectConfiguration { Issuer = "https://login.example/tenant/v2.0", AuthorizationEndpoint = AuthorizeEndpoint };
        using var configured = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Configuration = discovery;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery);
            })));
        using var client = configured.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/agreements");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(AuthorizeEndpoint);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        query["client_id"].ShouldBe("agencyhub-console");
        query["response_type"].ShouldBe("code");
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldNotBeNullOrEmpty();
        query["redirect_uri"].ShouldBe("http://localhost/signin-oidc");
        query["scope"]!.Split(' ').ShouldContain("openid");
    }
}
