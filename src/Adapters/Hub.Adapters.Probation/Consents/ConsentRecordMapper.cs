using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Probation.Consents;

/// <summary>
/// A consent-register row becomes <c>consent.recorded</c> (GIVEN) or <c>consent.withdrawn</c> (WITHDRAWN), the events
/// through which the hub's consent registry learns what the person agreed to (docs/adr/0007). Both cite the consent
/// itself as their footing, as the router expects. A GIVEN row must scope the consent to named recipients or to one
/// agreement's parties, never both, because the registry refuses a consent with two scopes.
/// </summary>
public sealed class ConsentRecordMapper
{
    public const string RecordedKind = "consent-recorded";
    public const string WithdrawnKind = "consent-withdrawn";

    /// <summary>The collection purpose of a withdrawal that lists none: probation keeps its consent register for offender management.</summary>
    public const string DefaultPurpose = "offender-management";

    public MappingResult<IShareableEvent> Map(ConsentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var consentId = fields.Required("consent_id", record.ConsentId);
        var recordedAt = fields.Timestamp("recorded_at", record.RecordedAt);
        var subject = ConsentSubject.Read(fields, record);
        var purposes = ConsentLists.Purposes(fields, record.Purposes);
        switch (FieldReader.Optional(record.Action)?.ToUpperInvariant())
        {
            case "GIVEN":
                return Given(fields, record, consentId, recordedAt, subject, purposes);
            case "WITHDRAWN":
                var withdrawnAt = fields.Timestamp("withdrawn_at", record.WithdrawnAt);
                return fields.HasProblems ? MappingResult<IShareableEvent>.Failure(fields.Problems) : MappingResult<IShareableEvent>.Success(new ConsentWithdrawn
                {
                    Envelope = Envelope(WithdrawnKind, consentId, recordedAt, subject, purposes),
                    ConsentId = consentId,
                    WithdrawnAt = withdrawnAt,
                });
            default:
                fields.Add("action", "must be GIVEN or WITHDRAWN");
                return MappingResult<IShareableEvent>.Failure(fields.Problems);
        }
    }

    private static MappingResult<IShareableEvent> Given(FieldReader fields, ConsentRecord record, string consentId, DateTimeOffset recordedAt, SubjectIdentifiers subject, IReadOnlyList<string> purposes)
    {
        if (purposes.Count == 0)
        {
            fields.Add("purposes", "is required when action is GIVEN");
        }

        var recipients = ConsentLists.Recipients(fields, record.Recipients);
        var agreementId = FieldReader.Optional(record.AgreementId);
        if (recipients.Count == 0 && agreementId is null)
        {
            fields.Add("recipients", "or agreement_id is required when action is GIVEN");
        }
        else if (recipients.Count > 0 && agreementId is not null)
        {
            fields.Add("agreement_id", "must be empty when recipients are named (a consent has one scope)");
        }

        var givenAt = fields.Timestamp("given_at", record.GivenAt);
        DateTimeOffset? expiresAt = FieldReader.Optional(record.ExpiresAt) is { } expires ? fields.Timestamp("expires_at", expires) : null;
        if (expiresAt is { } end && givenAt != default && end <= givenAt)
        {
            fields.Add("expires_at", "must be after given_at");
        }

        var evidence = fields.Required("evidence_ref", record.EvidenceRef);
        return fields.HasProblems ? MappingResult<IShareableEvent>.Failure(fields.Problems) : MappingResult<IShareableEvent>.Success(new ConsentRecorded
        {
            Envelope = Envelope(RecordedKind, consentId, recordedAt, subject, purposes),
            ConsentId = consentId,
            Purposes = purposes,
            Recipients = recipients,
            AgreementId = agreementId,
            GivenAt = givenAt,
            ExpiresAt = expiresAt,
            EvidenceRef = evidence,
        });
    }

    private static EventEnvelope Envelope(string kind, string consentId, DateTimeOffset recordedAt, SubjectIdentifiers subject, IReadOnlyList<string> purposes) => new()
    {
        EventId = RecordEventIds.For(AgencyCode.Probation, kind, consentId),
        OccurredAt = recordedAt,
        Source = AgencyCode.Probation,
        Subject = subject,
        Classification = DataClassification.Personal,
        Consent = new ConsentTag { ConsentRef = consentId, CollectionPurpose = purposes.Count > 0 ? purposes[0] : DefaultPurpose },
    };
}
