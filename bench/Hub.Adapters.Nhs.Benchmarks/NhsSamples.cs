using System.Text.Json;

namespace Hub.Adapters.Nhs.Benchmarks;

/// <summary>The valid single-resource samples (samples/nhs), one per mapped resource type, as a source hands them over.</summary>
internal static class NhsSamples
{
    public static IReadOnlyList<string> Names { get; } =
        ["encounter-discharge-planned.json", "medication-request-ost.json", "service-request-referral.json", "measure-report-vital-signs.json"];

    public static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SamplesFolder(), name)));
        return document.RootElement.Clone();
    }

    private static string SamplesFolder() => Path.Combine(RepositoryRoot.Path, "samples", "nhs");
}
