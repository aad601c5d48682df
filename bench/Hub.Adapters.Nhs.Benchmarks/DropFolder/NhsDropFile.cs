using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>
/// A realistic NHS drop file: <see cref="Rows"/> NDJSON lines cycling through the resources of a <see cref="DropFileMix"/>.
/// Each line's <c>id</c> gets the line number appended, so every row is its own resource and publishes its own event.
/// </summary>
internal static class NhsDropFile
{
    public const int Rows = 3000;

    public static string Content(DropFileMix mix)
    {
        var resources = mix == DropFileMix.ValidSamples ? ValidSamples() : SamplesAndCorpus();
        var text = new StringBuilder();
        for (var line = 1; line <= Rows; line++)
        {
            text.Append(Numbered(resources[(line - 1) % resources.Count], line)).Append('\n');
        }

        return text.ToString();
    }

    private static List<string> ValidSamples() => [.. NhsSamples.Names.Select(n => Compact(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "nhs", n))))];

    private static List<string> SamplesAndCorpus()
    {
        var samples = Path.Combine(RepositoryRoot.Path, "samples", "nhs");
        var corpus = Path.Combine(RepositoryRoot.Path, "tests", "Hub.Adapters.Agencies.Tests", "Nhs", "Corpus");
        var singles = Directory.GetFiles(samples, "*.json").Concat(Directory.GetFiles(Path.Combine(corpus, "http"), "*.json")).Order(StringComparer.Ordinal);
        var lines = Directory.GetFiles(Path.Combine(samples, "drop"), "*.ndjson").Concat(Directory.GetFiles(Path.Combine(corpus, "drop"), "*.ndjson")).Order(StringComparer.Ordinal);
        return [.. singles.Select(f => Compact(File.ReadAllText(f))), .. lines.SelectMany(File.ReadAllLines).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];
    }

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    /// <summary>The line with <c>-n</c> appended to its id; a line that is not a JSON object with an id is kept as it is.</summary>
    private static string Numbered(string line, int n)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return line;
        }

        if (node is JsonObject resource && resource["id"] is JsonValue id && id.TryGetValue<string>(out var value))
        {
            resource["id"] = $"{value}-{n}";
            return resource.ToJsonString();
        }

        return line;
    }
}
