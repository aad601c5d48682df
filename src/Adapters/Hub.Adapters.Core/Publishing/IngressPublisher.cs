using Hub.Adapters.Core.Metrics;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Contracts.Signing;
using Hub.Contracts.Topology;
using MassTransit;

namespace Hub.Adapters.Core.Publishing;

/// <summary>
/// Hands an agency's event to the hub: sends it to the agency's own submit address with the event id as the
/// message id, signed when the adapter holds its agency's signing key (docs/adr/0023). Refuses, before anything
/// leaves, an event that names another agency as its source.
/// </summary>
public sealed class IngressPublisher(ISendEndpointProvider sendEndpoints, HubAddresses addresses, AdapterMetrics metrics, IEnumerable<MessageSigner> signers)
{
    private readonly MessageSigner? _signer = signers.SingleOrDefault();

    public async Task SubmitAsync(AgencyCode agency, IShareableEvent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event.Envelope.Source != agency)
        {
            throw new InvalidOperationException($"The {agency} adapter cannot submit an event whose envelope names {@event.Envelope.Source} as its source.");
        }

        var endpoint = await sendEndpoints.GetSendEndpoint(addresses.Submit(agency));
        var signature = _signer?.Sign(@event, @event.GetType());
        await endpoint.Send(@event, @event.GetType(), send =>
        {
            send.MessageId = @event.Envelope.EventId;
            if (signature is not null)
            {
                send.Headers.Set(EventSignature.KeyIdHeader, _signer!.KeyId);
                send.Headers.Set(EventSignature.SignatureHeader, signature);
            }
        }, cancellationToken);
        metrics.Published(agency.Value, EventCatalogue.TryGet(@event.GetType(), out var info) ? info.Name : "unknown");
    }
}
