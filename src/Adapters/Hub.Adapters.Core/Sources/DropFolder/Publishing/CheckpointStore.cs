using System.Text.Json;
using Hub.Contracts;

namespace Hub.Adapters.Core.Sources.DropFolder.Publishing;

/// <summary><c>state/&lt;file&gt;.checkpoint.json</c>: read bound to the file's content hash, written durably.</summary>
public sealed class CheckpointStore(DropFolderLayout layout)
{
    /// <summary>The stored checkpoint when it belongs to these bytes; otherwise a fresh one from row 1.</summary>
    public async Task<DropFileCheckpoint> ReadAsync(string name, string hash, CancellationToken cancellationToken)
    {
        var fresh = new DropFileCheckpoint { ContentSha256 = hash, LastRow = 0, Published = 0, Quarantined = [] };
        var path = layout.Checkpoint(name);
        if (!File.Exists(path))
        {
            return fresh;
        }

        await using var stream = File.OpenRead(path);
        var stored = await JsonSerializer.DeserializeAsync<DropFileCheckpoint>(stream, ContractJson.Options, cancellationToken);
        return stored is not null && stored.ContentSha256 == hash ? stored : fresh;
    }

    /// <summary>Not cancellable: the rows are confirmed, so recording that is cheaper than re-publishing them.</summary>
    public Task SaveAsync(string name, DropFileCheckpoint checkpoint) =>
        DurableFile.WriteAsync(layout.Checkpoint(name), JsonSerializer.SerializeToUtf8Bytes(checkpoint, ContractJson.Options), CancellationToken.None);
}
