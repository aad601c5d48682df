namespace Hub.ServiceDefaults.Telemetry;

/// <summary>
/// Where spans and log records go over OTLP: <c>Telemetry:Otlp:Endpoint</c> (e.g. <c>http://jaeger:4317</c>) or the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>). With neither, nothing leaves.
/// </summary>
public static class TelemetrySettings
{
    public const string OtlpEndpointKey = "Telemetry:Otlp:Endpoint";

    /// <summary>The standard variable the OTLP exporter reads by itself.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
