using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Logging;

/// <summary>
/// The worker's logger factory as the Kestrel listeners inside it see it (the health and metrics listener, an adapter's
/// HTTP ingest). ASP.NET Core's own categories (hosting, routing, Kestrel, under <c>Microsoft.AspNetCore</c>) log at
/// Warning and above only, whatever the configuration says: their Information lines carry the request's path and query
/// string, which a caller may fill with identifiers. The hub's own categories log as configured.
/// </summary>
public sealed class ListenerLoggerFactory(ILoggerFactory worker) : ILoggerFactory
{
    public const string QuietCategories = "Microsoft.AspNetCore";

    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        var logger = worker.CreateLogger(categoryName);
        return categoryName.StartsWith(QuietCategories, StringComparison.Ordinal) ? new WarningAndAboveLogger(logger) : logger;
    }

    /// <summary>A provider added through a listener logs for the whole worker, as it did before the listener had this factory.</summary>
    public void AddProvider(ILoggerProvider provider) => worker.AddProvider(provider);

    /// <summary>The worker's factory outlives its listeners; it is the worker's to dispose.</summary>
    public void Dispose()
    {
    }
}
