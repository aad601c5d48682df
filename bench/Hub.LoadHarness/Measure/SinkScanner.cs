using System.Text.Json;

namespace Hub.LoadHarness.Measure;

/// <summary>
/// Reads the workers' drop-folder sinks: every <c>&lt;deliveryId&gt;.json</c> document, its event and the time it was
/// written (the file's modification time: the sink writes a temp file and renames it, which keeps that time).
/// </summary>
public sealed class SinkScanner(IReadOnlyDictionary<string, string> sinkFolderByRecipient)
{
    private readonly Dictionary<string, SinkDocument> _seen = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SinkDocument> Documents => _seen.Values;

    public void Scan()
    {
        foreach (var (recipient, folder) in sinkFolderByRecipient)
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith('.') || name.EndsWith(".recall.json", StringComparison.Ordinal) || _seen.ContainsKey(path))
                {
                    continue;
                }

                var written = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = document.RootElement;
                _seen[path] = new SinkDocument(recipient, root.GetProperty("deliveryId").GetGuid(), root.GetProperty("eventId").GetGuid(), written);
            }
        }
    }
}
