using System.Text.Json;
using Hub.Adapters.Core.Delivery;
using Hub.Contracts;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Sinks;

/// <summary>
/// Builds the document a sink writes: the delivery, plus the agency's own record when an
/// <see cref="IDeliveryRecordMapper"/> is registered and has a shape for the event type.
/// </summary>
public sealed class DeliveryDocumentFactory(IDeliveryRecordMapper? records = null)
{
    public DeliveryDocument Create(EventDelivered delivery)
    {
        var document = DeliveryDocument.From(delivery);
        if (records?.Map(delivery) is not { } mapped)
        {
            return document;
        }

        if (mapped.Value is not { } record)
        {
            // Permanent: the same delivery will never map. The message names fields only.
            throw new PermanentDeliveryFailureException($"the delivery does not map to this agency's record: {string.Join("; ", mapped.Problems)}");
        }

        return document with
        {
            RecordType = record.GetType().Name,
            Record = JsonSerializer.SerializeToElement(record, record.GetType(), ContractJson.Options),
        };
    }
}
