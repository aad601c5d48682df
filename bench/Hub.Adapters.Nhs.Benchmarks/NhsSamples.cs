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

    /// <summary>BenchmarkDotNet runs a generated copy below this folder, so the repository root is found by walking up.</summary>
    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgencyHub.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "nhs");
            }
        }

        throw new InvalidOperationException("AgencyHub.sln not found above the benchmark's folder.");
    }
}
