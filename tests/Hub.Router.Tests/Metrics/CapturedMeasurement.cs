namespace Hub.Router.Tests.Metrics;

public sealed record CapturedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string> Tags)
{
    public string Tag(string name) => Tags.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{Instrument} has no tag {name}; it has {string.Join(", ", Tags.Keys)}");
}
