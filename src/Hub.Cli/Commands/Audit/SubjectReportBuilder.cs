using Hub.Reports.Subject;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Router.Recalls;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// Finds the person's ledger rows through the subject index and joins them with their consents (by pseudonym) and
/// the recalls of their deliveries, whatever the cause (by delivery id): three indexed look-ups, none a scan of the
/// ledger or the recalls.
/// </summary>
internal static class SubjectReportBuilder
{
    public static async Task<SubjectReport> BuildAsync(AuditConnection connection, IReadOnlyList<string> pseudonyms, IReadOnlyList<string> searched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.Reader.SubjectDecisionsAsync(pseudonyms, cancellationToken);
        var consents = await connection.Consents.ForSubjectAsync(pseudonyms, cancellationToken);
        var deliveries = rows.Where(r => r.DeliveryId is not null).Select(r => r.DeliveryId!.Value).ToHashSet();
        var recalls = (await connection.Reader.RecallsOfDeliveriesAsync(deliveries, cancellationToken))
            .SelectMany(r => r.Deliveries.Select(d => (d.DeliveryId, Recall: r)))
            .ToLookup(x => x.DeliveryId, x => x.Recall);
        var entries = rows.Select(row => Entry(row, recalls, consents)).ToList();
        return new SubjectReport
        {
            GeneratedAt = now,
            IdentifiersSearched = searched,
            Disclosures = entries.Count(e => e.Outcome == "disclosed"),
            Denials = entries.Count(e => e.Outcome == "denied"),
            Consents = [.. consents.Select(Consent)],
            Decisions = entries,
        };
    }

    private static SubjectReportEntry Entry(LedgerEntry row, ILookup<Guid, RecallNotice> recalls, IReadOnlyList<ConsentRecord> consents)
    {
        var disclosed = row.Outcome == LedgerOutcome.Allowed;
        return new SubjectReportEntry
        {
            When = row.RecordedAt,
            Outcome = disclosed ? "disclosed" : "denied",
            EventId = row.EventId ?? Guid.Empty,
            EventType = row.EventType ?? "(unknown)",
            From = row.Source,
            To = row.Recipient ?? "(none)",
            Purpose = row.Purpose,
            LawfulBasis = row.LawfulBasis,
            Footing = LedgerFootings.ToText(row.Footing),
            Agreement = row.AgreementId is null ? null : $"{row.AgreementId}@{row.AgreementVersion}",
            Flow = row.FlowId,
            Consent = row.ConsentRef,
            Gateway = row.LegalGateway,
            FieldsReleased = disclosed ? row.ReleasedFields : [],
            FieldsWithheld = row.WithheldFields,
            Reasons = row.Reasons,
            DeliveryId = row.DeliveryId,
            Recall = disclosed ? AfterWithdrawal(row, recalls, consents) : null,
            RetractionRecalls = disclosed ? AfterRetractions(row, recalls) : null,
        };
    }

    /// <summary>The delivery's recall after its consent was withdrawn, or why there is none.</summary>
    private static SubjectReportRecall AfterWithdrawal(LedgerEntry row, ILookup<Guid, RecallNotice> recalls, IReadOnlyList<ConsentRecord> consents) =>
        row.DeliveryId is { } id && recalls[id].FirstOrDefault(r => r.Cause.Kind == RecallCauseKind.ConsentWithdrawal) is { } recall
            ? Recalled(recall)
            : NotRecalledOnWithdrawal(row, consents);

    /// <summary>The delivery's recalls after its source retracted the event; null when it was never retracted.</summary>
    private static List<SubjectReportRecall>? AfterRetractions(LedgerEntry row, ILookup<Guid, RecallNotice> recalls)
    {
        var retracted = row.DeliveryId is { } id ? recalls[id].Where(r => r.Cause.Kind == RecallCauseKind.Retraction).DistinctBy(r => r.RecallId).Select(Recalled).ToList() : [];
        return retracted.Count > 0 ? retracted : null;
    }

    private static SubjectReportRecall Recalled(RecallNotice recall) => new()
    {
        Cause = recall.Cause.KindText,
        Status = recall.AcknowledgedAt is null ? "outstanding" : "acknowledged",
        RecallId = recall.RecallId,
        RequestedAt = recall.RequestedAt,
        AcknowledgedAt = recall.AcknowledgedAt,
        CauseReason = RecallWording.Why(recall),
        Explanation = recall.AcknowledgedAt is { } at
            ? $"{RecallWording.Why(recall)}; {recall.Recipient} was asked to erase this delivery on {recall.RequestedAt:yyyy-MM-dd HH:mm:ss}Z and acknowledged on {at:yyyy-MM-dd HH:mm:ss}Z"
            : $"{RecallWording.Why(recall)}; {recall.Recipient} was asked to erase this delivery on {recall.RequestedAt:yyyy-MM-dd HH:mm:ss}Z and has not yet acknowledged",
    };

    private static SubjectReportRecall NotRecalledOnWithdrawal(LedgerEntry row, IReadOnlyList<ConsentRecord> consents)
    {
        var withdrawn = row.ConsentRef is { } consentRef && consents.Any(c => c.ConsentId == consentRef && c.Withdrawal is not null);
        return row.Footing switch
        {
            DecisionFooting.Consent => new SubjectReportRecall
            {
                Cause = RecallCauseKinds.ConsentWithdrawal,
                Status = withdrawn ? "outstanding" : "none",
                Explanation = withdrawn
                    ? $"shared on consent {row.ConsentRef}, which has been withdrawn; the recall is still to be sent"
                    : $"shared on consent {row.ConsentRef}, which has not been withdrawn",
            },
            DecisionFooting.Gateway or DecisionFooting.Basis => new SubjectReportRecall
            {
                Cause = RecallCauseKinds.ConsentWithdrawal,
                Status = "not-recalled",
                Explanation = $"shared on a statutory basis ({(row.Footing == DecisionFooting.Gateway ? $"gateway {row.LegalGateway}; " : string.Empty)}{row.LawfulBasis}), not on consent: "
                    + "withdrawing a consent does not recall it, because erasure on withdrawal (UK GDPR Art. 17(1)(b)) applies only where consent was the ground",
            },
            _ => new SubjectReportRecall { Cause = RecallCauseKinds.ConsentWithdrawal, Status = "none", Explanation = "the ledger row predates recording what the disclosure relied on" },
        };
    }

    private static SubjectReportConsent Consent(ConsentRecord record) => new()
    {
        ConsentId = record.ConsentId,
        RecordedBy = record.RecordedBy,
        Purposes = record.Purposes,
        Recipients = record.Recipients,
        Agreement = record.AgreementId,
        GivenAt = record.GivenAt,
        ExpiresAt = record.ExpiresAt,
        WithdrawnAt = record.Withdrawal?.EffectiveAt,
        EvidenceRef = record.EvidenceRef,
    };
}
