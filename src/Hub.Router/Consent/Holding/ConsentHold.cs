using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Router.Configuration;
using Hub.Router.Metrics;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Consent.Holding;

/// <summary>
/// Ingress's side of the consent hold window (docs/adr/0018): an event citing a consent the registry has not recorded
/// is held, durably, for <see cref="RouterOptions.ConsentHoldWindow"/> instead of being denied at once, because another
/// agency may record the consent a little later. <see cref="HeldEventReleaser"/> sends it back to its ingress when the
/// consent arrives (it is then decided on the consent) or when the window ends (decided here, the consent absent).
/// </summary>
public sealed class ConsentHold(IHeldEventStore store, HoldSignal signal, IOptions<RouterOptions> options, TimeProvider time, RouterMetrics metrics, ILogger<ConsentHold> logger)
{
    private readonly TimeSpan _window = options.Value.ConsentHoldWindow;

    public async Task<HoldCheck> CheckAsync<TEvent>(ConsumeContext<TEvent> context, AgencyCode source, string eventType, string consentRef)
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var eventId = context.Message.Envelope.EventId;
        var now = time.GetUtcNow();
        var held = await store.FindHeldAsync(source.Value, eventId, cancellationToken);
        if (held is null && _window <= TimeSpan.Zero)
        {
            return new HoldCheck(HoldOutcome.DecideNow);
        }

        var body = JsonSerializer.Serialize(context.Message, SystemTextJsonMessageSerializer.Options);
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        if (held is null)
        {
            held = new HeldEvent
            {
                Source = source.Value,
                EventId = eventId,
                EventType = eventType,
                ConsentRef = consentRef,
                ContentHash = contentHash,
                MessageId = context.MessageId?.ToString(),
                Body = body,
                ArrivedAt = now,
                ReleaseAt = now + _window,
            };
            if (await store.HoldAsync(held, cancellationToken))
            {
                metrics.ConsentHeld(source.Value, eventType);
                HoldLog.Held(logger, eventId, source.Value, eventType, held.ReleaseAt);

                // The consent may have been registered, and its release pass run, after this ingress read the registry:
                // a pass now sends the event on if so, rather than at the next poll.
                signal.EventHeld();
                return new HoldCheck(HoldOutcome.Held);
            }

            // Another copy of the event was held meanwhile: judge this one against it.
            held = await store.FindHeldAsync(source.Value, eventId, cancellationToken) ?? throw new InvalidOperationException($"held event {eventId} vanished while being held");
        }

        if (!string.Equals(held.ContentHash, contentHash, StringComparison.Ordinal))
        {
            return new HoldCheck(HoldOutcome.EventIdReused);
        }

        // Still within its window (a redelivery, or another router's clock): the held copy stands; with the hold now disabled it ends.
        return held.ReleaseAt > now && _window > TimeSpan.Zero
            ? new HoldCheck(HoldOutcome.Held)
            : new HoldCheck(HoldOutcome.WindowEnded, new UnrecordedConsentView(held.ArrivedAt, now));
    }

    /// <summary>After the event held until its window ended has been decided and committed.</summary>
    public Task ForgetAsync(AgencyCode source, Guid eventId, CancellationToken cancellationToken) => store.ForgetAsync(source.Value, eventId, cancellationToken);
}
