using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Router.Operations;

/// <summary>
/// Whether a delivery the router decided earlier may be sent again now (docs/adr/0012). The original event is not
/// kept, so the decision cannot be re-run from scratch; what can change since is checked instead, failing closed:
/// the permitting agreement must still be loaded at the same version, in force, with the same flow covering this
/// source, event type and recipient; no forbid for that key may have come into force; and a delivery that relied on
/// a consent needs that consent to still cover the subject, recipient and purpose, unexpired and not withdrawn.
/// </summary>
public static class ReplayCheck
{
    /// <returns>Null when the delivery may be sent again, else each reason it may not, in IG language.</returns>
    public static IReadOnlyList<string>? Refusals(EventDelivered delivery, LedgerEntry decision, AgreementSet current, ConsentRecord? consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(current);
        var refusals = new List<string>();
        var reference = $"{delivery.AgreementId}@{delivery.AgreementVersion}";
        var agreement = current.Agreements.FirstOrDefault(a => a.Id == delivery.AgreementId);
        if (agreement is null)
        {
            refusals.Add($"agreement {delivery.AgreementId} is no longer in the agreement set");
        }
        else if (agreement.Version != delivery.AgreementVersion)
        {
            refusals.Add($"agreement {delivery.AgreementId} is now version {agreement.Version}; the delivery was decided under {reference}: the event must be sent again at source to be decided under the new version");
        }
        else
        {
            if (!agreement.IsInForceAt(now))
            {
                refusals.Add($"{reference} is not in force on {now.UtcDateTime:yyyy-MM-dd} (status {agreement.Status.ToString().ToLowerInvariant()}{(agreement.Expires is { } e ? $", expires {e:yyyy-MM-dd}" : string.Empty)})");
            }

            var flow = agreement.Flows.FirstOrDefault(f => f.Id == delivery.FlowId);
            if (flow is null || flow.Effect != FlowEffect.Permit || flow.Source != delivery.Source || !flow.EventTypes.Contains(delivery.EventType) || !flow.Recipients.Contains(delivery.Recipient))
            {
                refusals.Add($"{reference} flow {delivery.FlowId} no longer permits {delivery.EventType} from {delivery.Source} to {delivery.Recipient}");
            }
        }

        var unchangedSet = string.Equals(current.Hash, delivery.AgreementSetHash, StringComparison.Ordinal);
        foreach (var forbidding in current.Agreements)
        {
            // A forbid that was in force under the same set did not apply to this event when it was decided; any other
            // may have conditions on fields the router no longer holds, so it counts against the replay.
            var forbids = forbidding.Flows.Any(f => f.Effect == FlowEffect.Forbid && f.Source == delivery.Source && f.EventTypes.Contains(delivery.EventType) && f.Recipients.Contains(delivery.Recipient));
            if (forbids && forbidding.IsInForceAt(now) && !(unchangedSet && forbidding.IsInForceAt(delivery.DecidedAt)))
            {
                refusals.Add($"{forbidding.Reference} now forbids {delivery.EventType} from {delivery.Source} to {delivery.Recipient}");
            }
        }

        if (decision.Footing == DecisionFooting.Consent)
        {
            var consentRef = decision.ConsentRef ?? delivery.ConsentRef;
            if (consentRef is null)
            {
                refusals.Add("the delivery relied on a consent the ledger does not name");
            }
            else
            {
                var check = new RegistryConsentView(consent, decision.SubjectPseudonyms).Check(consentRef, delivery.Recipient, delivery.Purpose, now);
                if (!check.IsValid)
                {
                    refusals.Add(check.Explanation);
                }
            }
        }

        return refusals.Count == 0 ? null : refusals;
    }

    /// <summary>The ledger's decision row that produced <paramref name="deliveryId"/>, if any.</summary>
    public static LedgerEntry? DecisionOf(IEnumerable<LedgerEntry> rows, Guid deliveryId, AgencyCode recipient) =>
        rows.FirstOrDefault(r => r.Kind == LedgerEntryKind.Decision && r.DeliveryId == deliveryId && r.Outcome == LedgerOutcome.Allowed && r.Recipient == recipient.Value);
}
