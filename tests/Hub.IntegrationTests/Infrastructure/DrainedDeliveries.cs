using System.Text.Json;
using RabbitMQ.Client;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>The ids of the <c>EventDelivered</c> messages drained from a delivery queue (MassTransit envelopes).</summary>
public static class DrainedDeliveries
{
    public static List<(Guid DeliveryId, Guid EventId)> Ids(IEnumerable<BasicGetResult> messages) =>
        [.. messages
            .Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("message"))
            .Select(m => (m.GetProperty("deliveryId").GetGuid(), m.GetProperty("eventId").GetGuid()))];
}
