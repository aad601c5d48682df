using System.Text.Json;
using Hub.Adapters.Core.Sinks;
using Hub.Contracts;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// What an adapter's drop-folder sink has written: one <c>&lt;deliveryId&gt;.json</c> per delivery, read back as the
/// agency's own process would. Recall notices (<c>*.recall.json</c>), recall markers and a kill's leftover hidden
/// temp files are not deliveries.
/// </summary>
public sealed class SinkFolder(string path)
{
    public string Path { get; } = path;

    /// <summary>The delivery documents' file names; an outbox not created yet holds none.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(Path)
            ? [.. Directory.EnumerateFiles(Path, "*.json")
                .Select(System.IO.Path.GetFileName)
                .OfType<string>()
                .Where(f => !f.StartsWith('.') && !f.EndsWith(".recall.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];

    public int Count() => Files().Count;

    /// <summary>Every delivery document, parsed. Files are renamed into place whole, so none is read half-written.</summary>
    public IReadOnlyList<DeliveryDocument> Documents() =>
        [.. Files().Select(f => JsonSerializer.Deserialize<DeliveryDocument>(File.ReadAllBytes(System.IO.Path.Combine(Path, f)), ContractJson.Options)!)];
}
