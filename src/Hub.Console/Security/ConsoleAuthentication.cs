using Hub.WebConsole.Security.Local;
using Hub.WebConsole.Security.Oidc;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Security;

/// <summary>
/// Sign-in and authorization: a cookie session in both modes, established by the local sign-in page or by OpenID
/// Connect; a signed-in user without the page's role gets 403 (rendered as the "no access" page), never a redirect.
/// </summary>
public static class ConsoleAuthentication
{
    public const string CookieName = "agencyhub-console";

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SignInOptions.Section);
        var settings = section.Get<SignInOptions>() ?? new SignInOptions();
        services.AddOptions<SignInOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInOptions>, SignInOptionsCheck>();

        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = settings.Mode == SignInMode.Oidc
                ? OpenIdConnectDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(o =>
        {
            o.LoginPath = "/sign-in";
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = settings.SessionLifetime > TimeSpan.Zero ? settings.SessionLifetime : TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                {
                    // A refused form post keeps a plain 403: re-executing it would post to the status page, answered 400.
                    context.HttpContext.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                }

                return Task.CompletedTask;
            };
        });

        if (settings.Mode == SignInMode.Local)
        {
            services.AddSingleton<LocalPassword>();
            services.AddHostedService<LocalPasswordFile>();
        }
        else if (settings.Mode == SignInMode.Oidc)
        {
            authentication.AddOpenIdConnect(o => Configure(o, settings.Oidc));
        }

        services.AddAuthorization(ConsolePolicies.Add);
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, OidcSignInOptions oidc)
    {
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.CallbackPath = oidc.CallbackPath;
        o.SignedOutCallbackPath = oidc.SignedOutCallbackPath;
        o.TokenValidationParameters.NameClaimType = oidc.NameClaimType;
        o.TokenValidationParameters.RoleClaimType = oidc.RoleClaimType;
        o.Events.OnTokenValidated = context =>
        {
            context.Principal = OidcRoleMapper.Map(context.Principal!, oidc);
            return Task.CompletedTask;
        };
    }
}
