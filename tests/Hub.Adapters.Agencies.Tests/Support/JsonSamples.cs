using System.Text.Json;
using Hub.Contracts;

namespace Hub.Adapters.Agencies.Tests.Support;

public static class JsonSamples
{
    private static readonly JsonSerializerOptions RecordOptions = new(JsonSerializerDefaults.Web);

    /// <summary>An agency's own JSON records (camelCase, as their systems export them).</summary>
    public static IReadOnlyList<T> Records<T>(string agency, string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(RepoPaths.Sample(agency, file)), RecordOptions)!;

    /// <summary>Deliveries as the router sends them, in the hub's wire format.</summary>
    public static IReadOnlyList<T> Contracts<T>(string agency, string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(RepoPaths.Sample(agency, file)), ContractJson.Options)!;
}
