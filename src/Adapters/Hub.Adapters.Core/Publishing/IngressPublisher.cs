using Hub.Adapters.Core.Metrics;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Contracts.Topology;
using MassTransit;

namespace Hub.Adapters.Core.Publishing;

/// <summary>
/// Hands an agency's event to the hub: sends it to the agency's own submit address with the event id as the
/// message id. Refuses, before anything leaves, an event that names another agency as its source.
/// </summary>
public sealed class IngressPublisher(ISendEndpointProvider sendEndpoints, HubAddresses addresses, AdapterMetrics metrics)
{
    public async Task SubmitAsync(AgencyCode agency, IShareableEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.Envelope.Source != agency)
        {
            throw new InvalidOperationException($"The {agency} adapter cannot submit an event whose envelope names {@event.Envelope.Source} as its source.");
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(addresses.Submit(agency));
        await endpoint.Send(@event, @event.GetType(), send => send.MessageId = @event.Envelope.EventId, cancellationToken);
        metrics.Published(agency.Value, EventCatalogue.TryGet(@event.GetType(), out var info) ? info.Name : "unknown");
    }
}
