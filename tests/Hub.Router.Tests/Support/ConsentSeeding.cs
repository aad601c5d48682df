using Hub.Contracts.Consent.V1;
using Hub.Router.Consent;
using Hub.Sharing.Cases;
using Hub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Router.Tests.Support;

/// <summary>
/// Puts a sample case's consents in the router's registry as if recorded earlier by the case's source for the
/// event's subject, with their withdrawals. A consent the case's own consent.recorded event registers is left to it.
/// </summary>
public static class ConsentSeeding
{
    public static async Task SeedAsync(RouterTestHost host, ShareCase shareCase)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(shareCase);
        var store = host.Services.GetRequiredService<IConsentStore>();
        var pseudonyms = host.Pseudonymiser.Pseudonymise(shareCase.Event.Envelope.Subject, shareCase.Source);
        var recordedByEvent = shareCase.Event as ConsentRecorded;
        var registeredByEvent = recordedByEvent?.ConsentId;
        if (recordedByEvent is not null && shareCase.Consents.FirstOrDefault(c => c.Id == registeredByEvent) is { Withdrawn: { } eventConsentWithdrawn })
        {
            // The case replays a consent.recorded after its withdrawal: register it through the hub first (same content,
            // another event id), withdraw it, and the case's own event then finds it registered and withdrawn.
            await host.SendAsync(shareCase.Source, recordedByEvent with { Envelope = recordedByEvent.Envelope with { EventId = Guid.NewGuid() } });
            await Eventually.UntilAsync<ConsentRecord?>(() => store.FindAsync(registeredByEvent!, CancellationToken.None), r => r is not null, "the consent registered through the hub");
            await store.WithdrawAsync(new ConsentWithdrawal(registeredByEvent!, eventConsentWithdrawn, eventConsentWithdrawn, Guid.NewGuid(), eventConsentWithdrawn), CancellationToken.None);
        }

        foreach (var consent in shareCase.Consents.Where(c => c.Id != registeredByEvent))
        {
            (await store.RecordAsync(
                new ConsentRecord
                {
                    ConsentId = consent.Id,
                    RecordedBy = shareCase.Source.Value,
                    Purposes = consent.Purposes,
                    Recipients = [.. consent.Recipients.Select(r => r.Value)],
                    GivenAt = consent.Given,
                    ExpiresAt = consent.Expires,
                    EvidenceRef = "seeded-by-test",
                    SubjectPseudonyms = pseudonyms,
                    EventId = Guid.NewGuid(),
                    RegisteredAt = consent.Given,
                    ContentHash = "seeded",
                },
                CancellationToken.None)).ShouldBe(ConsentRegistration.Recorded);
            if (consent.Withdrawn is { } withdrawn)
            {
                await store.WithdrawAsync(new ConsentWithdrawal(consent.Id, withdrawn, withdrawn, Guid.NewGuid(), withdrawn), CancellationToken.None);
            }
        }
    }
}
