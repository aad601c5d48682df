using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Nhs.Fhir.Retractions;

/// <summary>
/// Builds <c>health.record.retracted</c> for a resource version whose status takes back what earlier versions
/// published (docs/adr/0020): the event ids those versions were published under, the reason code, the subject and
/// the original footing. A modifier the adapter does not understand refuses the retraction too: the resource's
/// meaning is unknown, so it is quarantined for a person to look at.
/// </summary>
public static class FhirRetraction
{
    public static MappingResult<RecordRetracted> Build(RetractedRecord record, string reason, DomainResource resource, Func<FieldReader, SubjectIdentifiers?> subject, Func<FieldReader, ConsentTag> consent)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(consent);
        var type = resource.TypeName;
        var fields = new FieldReader();
        FhirModifiers.Check(resource, fields);
        var id = fields.Required($"{type}.id", resource.Id);
        var identified = subject(fields);
        var footing = consent(fields);
        var retractedAt = resource.Meta?.LastUpdated;
        if (retractedAt is null)
        {
            fields.Add($"{type}.meta.lastUpdated", "is required (when the record was retracted)");
        }

        if (fields.HasProblems)
        {
            return MappingResult<RecordRetracted>.Failure(fields.Problems);
        }

        var version = resource.Meta?.VersionId;
        return MappingResult<RecordRetracted>.Success(new RecordRetracted
        {
            Envelope = new EventEnvelope
            {
                EventId = FhirEventIds.For($"{record.RecordKind}-retraction", id, version),
                OccurredAt = retractedAt!.Value,
                Source = AgencyCode.Nhs,
                Subject = identified,
                Classification = DataClassification.SpecialCategoryHealth,
                Consent = footing,
            },
            RetractedEventType = record.EventType,
            RetractedEventIds = FhirEventIds.UpTo(record.RecordKind, id, version),
            Reason = reason,
        });
    }
}
