using Hub.Router.Configuration;
using Hub.Router.Ledger.Chain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Ledger.Anchors;

/// <summary>Registers the anchor exporter when <c>Ledger:Anchor</c> names a sink; the sealing service runs it after each pass.</summary>
public static class LedgerAnchorRegistration
{
    public static IServiceCollection AddLedgerAnchors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LedgerAnchorOptions>().Bind(configuration.GetSection(LedgerAnchorOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LedgerAnchorOptions>, LedgerAnchorOptionsValidator>();
        var configured = configuration.GetSection(LedgerAnchorOptions.SectionName).Get<LedgerAnchorOptions>();
        if (configured is not { Enabled: true })
        {
            return services;
        }

        services.AddSingleton(sp => LedgerAnchorSigner.FromPemFile(sp.GetRequiredService<IOptions<LedgerAnchorOptions>>().Value.SigningKeyFile!));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LedgerAnchorOptions>>().Value;
            var sinks = new List<ILedgerAnchorSink>();
            if (options.File is { } file)
            {
                sinks.Add(new FileAnchorSink(file));
            }

            if (options.WebhookUrl is { } url)
            {
                sinks.Add(new WebhookAnchorSink(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, url));
            }

            return new LedgerAnchorExporter(sp.GetRequiredService<ILedgerChainStore>(), sp.GetRequiredService<LedgerAnchorSigner>(), sinks, sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
