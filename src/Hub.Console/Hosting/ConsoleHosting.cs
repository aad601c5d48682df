using Hub.ServiceDefaults.Secrets;
using Hub.WebConsole.Agreements;
using Hub.WebConsole.Components;
using Hub.WebConsole.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Hosting;

/// <summary>The console's services and request pipeline, shared by its own entry point and the hosts that embed it.</summary>
public static class ConsoleHosting
{
    public static WebApplicationBuilder AddHubConsole(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddAntiforgery(o => o.Cookie.Name = ConsoleAuthentication.CookieName + "-form");
        services.AddConsoleSignIn(builder.Configuration);
        PlaceholderSecretCheck.AddTo(services, builder.Configuration);
        services.AddOptions<AgreementOptions>().Bind(builder.Configuration.GetSection(AgreementOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgreementOptions>, AgreementOptionsCheck>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveAgreements>();
        return builder;
    }

    public static WebApplication UseHubConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseConsoleSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "assets")),
            RequestPath = "/assets",
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapConsoleSignOut();
        app.MapRazorComponents<App>();
        return app;
    }
}
