namespace Hub.Router.Tests.Metrics;

/// <summary>
/// Tests that read what an OpenTelemetry MeterProvider exports. Its listener hears every meter of a name in the process,
/// so another test's router running alongside would add its own measurements (an observable gauge at 0 over the one
/// this test set, counters with the same labels): such tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    public const string Name = "process-wide metrics";
}
