using Hub.Router.Ledger;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Decision batches as the router writes them (four candidate recipients, two deliveries), without a broker.</summary>
public static class LedgerBatches
{
    public static DecisionBatch Release(DateTimeOffset recordedAt)
    {
        var eventId = Guid.NewGuid();
        var entries = new List<LedgerEntry>();
        var deliveries = new List<OutboxDelivery>();
        foreach (var (recipient, allowed) in new[] { ("police", true), ("jcp", true), ("nhs", false), ("council", false) })
        {
            Guid? deliveryId = allowed ? Guid.NewGuid() : null;
            entries.Add(new LedgerEntry
            {
                EntryId = Guid.NewGuid(),
                RecordedAt = recordedAt,
                Kind = LedgerEntryKind.Decision,
                Outcome = allowed ? LedgerOutcome.Allowed : LedgerOutcome.Denied,
                Source = "probation",
                EventId = eventId,
                EventType = "custody.release.scheduled",
                Recipient = recipient,
                AgreementId = allowed ? "DSA-IT-1" : null,
                AgreementVersion = allowed ? 4 : null,
                FlowId = allowed ? "F-" + recipient : null,
                Purpose = allowed ? "offender-management" : null,
                LegalGateway = "ORA2014-s7",
                ReleasedFields = allowed ? ["releaseDate"] : [],
                WithheldFields = allowed ? ["subject.nhsNumber"] : ["releaseDate", "subject.nhsNumber"],
                Reasons = [allowed ? "permitted" : "no agreement"],
                DeliveryId = deliveryId,
                SubjectPseudonyms = ["pnc:0123456789abcdef0123456789abcdef"],
                AgreementSetHash = "sha256:it",
                SubjectKeyId = "00112233445566ff",
                CollectionPurpose = "offender-management",
                EventFacts = allowed ? ["cohortTier=\"mappa\"", "sentenceBand=\"under-12-months\""] : [],
                EventKeyId = "0123456789abcdef",
                EventSignatureSha256 = "5e8ff9bf55ba3508199d22e984129be6b6b8a0ee3bf0cc9d8c0b1b6fb4a0b6e1",
                DeliverySha256 = deliveryId is { } d ? DeliveryDigests.Of(Body(d)) : null,
            });
            if (deliveryId is { } id)
            {
                deliveries.Add(new OutboxDelivery(id, recipient, Body(id)));
            }
        }

        return new DecisionBatch("probation", eventId, "hash-" + eventId, recordedAt, entries, deliveries);
    }

    private static string Body(Guid deliveryId) => $$$"""{"deliveryId":"{{{deliveryId}}}","payload":{"releaseDate":"2026-12-01","amount":1.50}}""";
}
