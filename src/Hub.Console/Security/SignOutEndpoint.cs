using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Security;

/// <summary><c>POST /sign-out</c> (antiforgery-checked): ends the console session, and the provider's when signed in with OpenID Connect.</summary>
public static class SignOutEndpoint
{
    public const string Path = "/sign-out";

    public static IEndpointRouteBuilder MapConsoleSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, async (HttpContext context, IAntiforgery antiforgery, IOptions<SignInOptions> options) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (options.Value.Mode == SignInMode.Oidc)
            {
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/sign-in");
        }).RequireAuthorization();
        return endpoints;
    }
}
