namespace Hub.LoadHarness.Processes;

/// <summary>The probation worker's HTTP ingest (<c>POST /events/{eventType}</c>) and the API key the harness configured for it.</summary>
public sealed record HttpIngestEndpoint(Uri BaseAddress, string ApiKey);
