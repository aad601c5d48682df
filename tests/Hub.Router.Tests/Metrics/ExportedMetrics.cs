using System.Diagnostics.Metrics;
using Hub.Adapters.Core.Metrics;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Metrics;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Metrics;

/// <summary>
/// Every instrument the router and adapters create (each owner constructed once on a private meter factory), and the
/// series name the OpenTelemetry Prometheus exporter gives it; <see cref="ScrapeEndpointTests"/> checks those names
/// against a real scrape.
/// </summary>
public static class ExportedMetrics
{
    public static IReadOnlyList<Instrument> Instruments(string agreementsPath)
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    found.Add(instrument);
                }
            },
        };
        listener.Start();

        var router = Options.Create(new RouterOptions { AgreementsPath = agreementsPath, Agencies = ["police"] });
        var routerMetrics = new RouterMetrics(meters);
        using var agreements = new FileAgreementProvider(router, TimeProvider.System, routerMetrics, NullLogger<FileAgreementProvider>.Instance);
        _ = new AdapterMetrics(meters);
        _ = new AgreementExpirySampler(agreements, TimeProvider.System, meters);
        _ = new RecallBacklogSampler(new RecallStoreFake([]), router, TimeProvider.System, meters);
        _ = new BrokerQueueSampler(Options.Create(new BrokerOptions { Username = "hub-router", Password = "unused" }), router, meters);
        _ = new GaugeSamplingService([], Options.Create(new MetricsOptions()), TimeProvider.System, meters, NullLogger<GaugeSamplingService>.Instance);
        return found;
    }

    /// <summary>The exporter's default translation: dots to underscores, the unit as a suffix (annotations in braces dropped), <c>_total</c> on counters.</summary>
    public static string PrometheusName(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = instrument.Name.Replace('.', '_');
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        var counter = instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() is var definition
            && (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>));
        return counter ? name + "_total" : name;
    }

    public static bool IsHistogram(Instrument instrument) =>
        instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);

    /// <summary>Every series name a query may use: histograms as their _bucket, _sum and _count series.</summary>
    public static IReadOnlySet<string> SeriesNames(string agreementsPath) =>
        Instruments(agreementsPath)
            .SelectMany(i => IsHistogram(i)
                ? new[] { PrometheusName(i) + "_bucket", PrometheusName(i) + "_sum", PrometheusName(i) + "_count" }
                : [PrometheusName(i)])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Label names as Prometheus shows them, plus those Prometheus and the scrape config add.</summary>
    public static IReadOnlySet<string> LabelNames { get; } = typeof(HubMetricTags).GetFields()
        .Where(f => f.IsLiteral && f.Name != nameof(HubMetricTags.None))
        .Select(f => ((string)f.GetRawConstantValue()!).Replace('.', '_'))
        .Concat(["le", "job", "instance", "adapter"])
        .ToHashSet(StringComparer.Ordinal);
}
