using System.Security.Cryptography;
using System.Text;

namespace Hub.Router.Ledger.Anchors;

/// <summary>
/// Appends anchors as JSON lines and flushes them to disk before returning. Point it at write-once storage (an
/// append-only mount, a WORM bucket's file gateway) or a file another organisation collects.
/// </summary>
public sealed class FileAnchorSink(string path) : ILedgerAnchorSink
{
    public string Id { get; } = "file:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..16];

    public async Task WriteAsync(IReadOnlyList<LedgerAnchor> anchors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var text = new StringBuilder();
        foreach (var anchor in anchors)
        {
            text.Append(LedgerAnchorJson.Line(anchor)).Append('\n');
        }

        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
        await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
        file.Flush(flushToDisk: true);
    }
}
