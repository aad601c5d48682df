using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.ServiceDefaults.Grouping;
using Hub.Contracts;
using Hub.Contracts.Delivery.V1;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Sinks.DropFolder;

/// <summary>
/// Writes each delivery as <c>&lt;deliveryId&gt;.json</c> in the outbox folder (docs/adr/0010). Deliveries handled
/// concurrently each write and flush a hidden temp file; a group commit then renames every staged file of its group
/// into place and flushes the folder once, and only then does each <see cref="HandleAsync"/> return: the effect is
/// durable before the caller records the delivery or acknowledges it. A redelivery rewrites the same bytes. A recall
/// writes <c>&lt;recallId&gt;.recall.json</c>, deletes the named delivery files still there and leaves a
/// <c>&lt;deliveryId&gt;.recalled</c> marker; recalls and renames take turns, so a delivery being committed as its
/// recall arrives is either erased by it or never renamed into place.
/// </summary>
public sealed class DropFolderSink : IDeliverySink, IDisposable
{
    private readonly ILogger<DropFolderSink> _logger;
    private readonly DeliveryDocumentFactory _documents;
    private readonly string _folder;
    private readonly SemaphoreSlim _outbox = new(1, 1);
    private readonly EffectGroupCommitter<StagedFile> _renames;

    public DropFolderSink(DropFolderSinkOptions options, ILogger<DropFolderSink> logger, DeliveryDocumentFactory? documents = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _documents = documents ?? new();
        _folder = Directory.CreateDirectory(options.Path!).FullName;
        _renames = new EffectGroupCommitter<StagedFile>(CommitAsync);
    }

    public async Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (File.Exists(MarkerPath(delivery.DeliveryId)))
        {
            return;
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(_documents.Create(delivery), ContractJson.Options);
        var staged = new StagedFile(delivery.DeliveryId, AtomicFile.TempPathFor(DeliveryPath(delivery.DeliveryId)), DeliveryPath(delivery.DeliveryId), MarkerPath(delivery.DeliveryId));
        try
        {
            await AtomicFile.WriteFlushedAsync(staged.TempPath, content, cancellationToken);
            await _renames.CommitAsync(staged, CancellationToken.None);
        }
        finally
        {
            File.Delete(staged.TempPath);
        }

        SinkLog.DropFolderWritten(_logger, delivery.DeliveryId);
    }

    /// <summary>
    /// Erased: the delivery's file was still in the outbox and is gone. Not held: it was already picked up (the
    /// agency's process must act on the recall notice) or never written.
    /// </summary>
    public async Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        var notice = JsonSerializer.SerializeToUtf8Bytes(RecallNotice.From(recall), ContractJson.Options);
        await AtomicFile.WriteAsync(Path.Combine(_folder, $"{recall.RecallId:D}.recall.json"), notice, cancellationToken);
        var erased = new List<Guid>();
        var notHeld = new List<Guid>();
        await _outbox.WaitAsync(cancellationToken);
        try
        {
            foreach (var id in recall.Deliveries.Select(d => d.DeliveryId))
            {
                await AtomicFile.WriteAsync(MarkerPath(id), System.Text.Encoding.UTF8.GetBytes(recall.RecallId.ToString("D")), cancellationToken);
                var file = DeliveryPath(id);
                if (File.Exists(file))
                {
                    File.Delete(file);
                    erased.Add(id);
                }
                else
                {
                    notHeld.Add(id);
                }
            }

            DirectorySync.Flush(_folder);
        }
        finally
        {
            _outbox.Release();
        }

        return new RecallOutcome(erased, notHeld);
    }

    public string DeliveryPath(Guid deliveryId) => Path.Combine(_folder, $"{deliveryId:D}.json");

    /// <summary>Commits what is staged, then stops.</summary>
    public void Dispose()
    {
        _renames.Dispose();
        _outbox.Dispose();
    }

    /// <summary>One group: each staged file renamed into place unless recalled meanwhile, then one flush of the folder.</summary>
    private async Task CommitAsync(IReadOnlyList<StagedFile> group, CancellationToken cancellationToken)
    {
        await _outbox.WaitAsync(cancellationToken);
        try
        {
            foreach (var staged in group.Where(s => !File.Exists(s.MarkerPath)))
            {
                File.Move(staged.TempPath, staged.FinalPath, overwrite: true);
            }

            DirectorySync.Flush(_folder);
        }
        finally
        {
            _outbox.Release();
        }
    }

    private string MarkerPath(Guid deliveryId) => Path.Combine(_folder, $"{deliveryId:D}.recalled");
}
