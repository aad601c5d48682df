namespace Hub.ServiceDefaults.Telemetry;

/// <summary>The ActivitySource names every hub process listens to.</summary>
public static class HubTelemetryNames
{
    /// <summary>The hub's own sources: <c>AgencyHub.Router</c>, <c>AgencyHub.Adapters</c>.</summary>
    public const string HubSources = "AgencyHub.*";

    /// <summary>MassTransit 8's ActivitySource: send, receive and consume spans, with W3C context in message headers.</summary>
    public const string MassTransit = "MassTransit";
}
