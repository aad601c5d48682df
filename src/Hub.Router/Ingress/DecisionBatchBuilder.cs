using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Router.Ledger;
using Hub.Router.Provenance;
using Hub.Sharing.Decisions;
using Hub.Sharing.Disclosure;
using Hub.Sharing.Projection;
using Hub.Sharing.Replay;

namespace Hub.Router.Ingress;

/// <summary>
/// What one decided event commits: a ledger row per candidate recipient, and for each allowed one the delivery (its
/// payload projected to the released fields, pseudonymised and small-number controlled as the decision says), its
/// outbox row and the provenance marks its restricted values leave (docs/adr/0016).
/// </summary>
public sealed class DecisionBatchBuilder(SubjectPseudonymiser pseudonymiser, ProvenanceFingerprints fingerprints, IEnumerable<DeliverySigner> signers)
{
    private readonly DeliverySigner? _signer = signers.SingleOrDefault();

    public (DecisionBatch Batch, Dictionary<Guid, EventDelivered> Messages) Build(
        Guid? messageId, AgencyCode source, string eventType, EventEnvelope envelope, IReadOnlyList<string> pseudonyms, DecisionRequest request, IReadOnlyList<Decision> decisions, string setHash, DateTimeOffset now, EventSignatureDigest? signature = null)
    {
        var json = request.Event;
        var marks = new List<ProvenanceMark>();
        var keyId = pseudonyms.Count > 0 ? pseudonymiser.KeyId : null;
        var facts = EventCatalogue.TryGet(eventType, out var info) ? EventFacts.Of(info, json) : [];
        var traceId = Activity.Current?.TraceId.ToString();
        var entries = new List<LedgerEntry>(decisions.Count);
        var deliveries = new List<OutboxDelivery>();
        var messages = new Dictionary<Guid, EventDelivered>();
        foreach (var decision in decisions)
        {
            Guid? deliveryId = decision.IsAllowed ? DeliveryIds.For(source, envelope.EventId, decision.Recipient) : null;
            var entry = new LedgerEntry
            {
                EntryId = DeliveryIds.NameBased($"decision|{source.Value}|{envelope.EventId:N}|{decision.Recipient.Value}"),
                RecordedAt = now,
                Kind = LedgerEntryKind.Decision,
                Outcome = decision.IsAllowed ? LedgerOutcome.Allowed : LedgerOutcome.Denied,
                Source = source.Value,
                EventId = envelope.EventId,
                EventType = eventType,
                Recipient = decision.Recipient.Value,
                AgreementId = decision.AgreementId,
                AgreementVersion = decision.AgreementVersion,
                FlowId = decision.FlowId,
                Purpose = decision.Purpose,
                LawfulBasis = decision.LawfulBasis,
                ConsentRef = envelope.Consent.ConsentRef,
                LegalGateway = envelope.Consent.LegalGateway,
                Footing = decision.IsAllowed ? decision.Footing : null,
                ReleasedFields = decision.ReleasedFields,
                WithheldFields = decision.WithheldFields,
                Reasons = decision.Reasons,
                DeliveryId = deliveryId,
                SubjectPseudonyms = pseudonyms,
                AgreementSetHash = setHash,
                TraceId = traceId,
                MessageId = messageId?.ToString(),
                SubjectKeyId = keyId,
                CollectionPurpose = envelope.Consent.CollectionPurpose,
                EventFacts = facts,
                EventKeyId = signature?.KeyId,
                EventSignatureSha256 = signature?.Sha256,
            };

            if (deliveryId is not { } id)
            {
                entries.Add(entry);
            }
            else
            {
                var delivery = new EventDelivered
                {
                    DeliveryId = id,
                    EventId = envelope.EventId,
                    EventType = eventType,
                    Source = source,
                    Recipient = decision.Recipient,
                    OccurredAt = envelope.OccurredAt,
                    DecidedAt = now,
                    Classification = envelope.Classification,
                    Payload = Payload(json, decision),
                    AgreementId = decision.AgreementId!,
                    AgreementVersion = decision.AgreementVersion!.Value,
                    FlowId = decision.FlowId!,
                    Purpose = decision.Purpose!,
                    LawfulBasis = decision.LawfulBasis!,
                    ConsentRef = envelope.Consent.ConsentRef,
                    LegalGateway = envelope.Consent.LegalGateway,
                    WithheldFields = decision.WithheldFields,
                    SuppressedValues = decision.SuppressedValues,
                    Obligations = decision.Obligations,
                    AgreementSetHash = setHash,
                };
                delivery = _signer?.Sign(delivery) ?? delivery;
                marks.AddRange(fingerprints.MarksFor(decision.Recipient.Value, pseudonyms, delivery.Payload, decision.ReleasedFields, source.Value, envelope.EventId, now, envelope.Consent, request.Inherited));
                var body = JsonSerializer.Serialize(delivery, ContractJson.Options);
                deliveries.Add(new OutboxDelivery(id, decision.Recipient.Value, body));
                messages.Add(id, delivery);
                entries.Add(entry with { DeliverySha256 = DeliveryDigests.Of(body) });
            }
        }

        var contentHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(json, ContractJson.Options)));
        return (new DecisionBatch(source.Value, envelope.EventId, contentHash, now, entries, deliveries) { ProvenanceMarks = marks }, messages);
    }

    private JsonElement Payload(JsonElement json, Decision decision)
    {
        var payload = PayloadProjector.Project(json, decision.ReleasedFields, decision.PseudonymisedFields, (field, value) => pseudonymiser.Pseudonym($"{decision.Recipient.Value}.{field}", value));
        return decision.SuppressedValues.Count > 0 ? SmallNumbers.Suppress(payload, decision.SuppressCountsBelow!.Value) : payload;
    }
}
