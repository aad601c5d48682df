using Hub.Simulation.Formats;
using Hub.Simulation.Running;

namespace Hub.Simulation.Output;

/// <summary>
/// Writes each batch into <c>&lt;root&gt;/&lt;agency&gt;/inbox/</c>, the inbox of an adapter whose
/// <c>Adapter:Sources:DropFolder:Path</c> is <c>&lt;root&gt;/&lt;agency&gt;</c>. Atomically: the bytes go to a hidden
/// <c>.tmp</c> name the drop folder ignores, are flushed to disk, then renamed into place, so an adapter never takes
/// half a file.
/// </summary>
public sealed class DropFolderTarget(string root) : ISimulationTarget
{
    public string Root { get; } = Path.GetFullPath(root);

    public string InboxOf(string agency) => Path.Combine(Root, agency, "inbox");

    public async Task<string> DeliverAsync(SimulationBatch batch, string runTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var inbox = InboxOf(batch.Agency);
        Directory.CreateDirectory(inbox);
        var name = DropFileKinds.FileName(batch.Kind, batch.Start, runTag);
        var temporary = Path.Combine(inbox, "." + name + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(DropFileRenderer.Render(batch.Kind, batch.Records), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        // A file of the same name still waiting means the same seed and scale ran before: identical bytes, so replace it.
        File.Move(temporary, Path.Combine(inbox, name), overwrite: true);
        return name;
    }
}
