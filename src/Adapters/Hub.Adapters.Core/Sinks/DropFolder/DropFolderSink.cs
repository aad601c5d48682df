using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts;
using Hub.Contracts.Delivery.V1;
using Microsoft.Extensions.Logging;

namespace Hub.Adapters.Core.Sinks.DropFolder;

/// <summary>
/// Writes each delivery as <c>&lt;deliveryId&gt;.json</c> in the outbox folder, atomically; a redelivery rewrites the
/// same bytes. A recall writes <c>&lt;recallId&gt;.recall.json</c>, deletes the named delivery files still there and
/// leaves a <c>&lt;deliveryId&gt;.recalled</c> marker so a late redelivery cannot bring a recalled file back.
/// </summary>
public sealed class DropFolderSink(DropFolderSinkOptions options, ILogger<DropFolderSink> logger, DeliveryDocumentFactory? documents = null) : IDeliverySink
{
    private readonly DeliveryDocumentFactory _documents = documents ?? new();

    private readonly string _folder = Directory.CreateDirectory(options.Path!).FullName;

    public async Task HandleAsync(EventDelivered delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (File.Exists(MarkerPath(delivery.DeliveryId)))
        {
            return;
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(_documents.Create(delivery), ContractJson.Options);
        await AtomicFile.WriteAsync(DeliveryPath(delivery.DeliveryId), content, cancellationToken);
        SinkLog.DropFolderWritten(logger, delivery.DeliveryId);
    }

    /// <summary>
    /// Erased: the delivery's file was still in the outbox and is gone. Not held: it was already picked up (the
    /// agency's process must act on the recall notice) or never written.
    /// </summary>
    public async Task<RecallOutcome> RecallAsync(RecallRequested recall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recall);
        var notice = JsonSerializer.SerializeToUtf8Bytes(RecallNotice.From(recall), ContractJson.Options);
        await AtomicFile.WriteAsync(System.IO.Path.Combine(_folder, $"{recall.RecallId:D}.recall.json"), notice, cancellationToken);
        var erased = new List<Guid>();
        var notHeld = new List<Guid>();
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

        return new RecallOutcome(erased, notHeld);
    }

    public string DeliveryPath(Guid deliveryId) => System.IO.Path.Combine(_folder, $"{deliveryId:D}.json");

    private string MarkerPath(Guid deliveryId) => System.IO.Path.Combine(_folder, $"{deliveryId:D}.recalled");
}
