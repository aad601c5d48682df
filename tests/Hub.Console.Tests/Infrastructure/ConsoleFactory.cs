using Hub.WebConsole.Security.Local;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hub.WebConsole.Tests.Infrastructure;

/// <summary>
/// The console's real entry point and pipeline, in process, with local sign-in as <paramref name="roles"/> (none: all
/// roles) over <paramref name="agreements"/>, on a fixed day. Extra settings override or add to these.
/// </summary>
internal sealed class ConsoleFactory(AgreementFolder agreements, string[]? roles = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The day every test judges agreements on.</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    public string Password => Services.GetRequiredService<LocalPassword>().Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Console:SignIn:Mode", "Local");
        builder.UseSetting("Console:Agreements:Path", agreements.Path);
        for (var i = 0; i < (roles?.Length ?? 0); i++)
        {
            builder.UseSetting($"Console:SignIn:Local:Roles:{i}", roles![i]);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Today)));
    }
}
