using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Retractions;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Nhs.TreatmentContinuity;

/// <summary>
/// A prison healthcare team's FHIR R4 <c>MedicationRequest</c> (intent <c>plan</c>) for a regime that must continue in
/// the community becomes <c>health.treatment-continuity.required</c> (DSA-004). The supply's
/// <c>dispenseRequest.validityPeriod.end</c> is the release date; a named <c>performer</c> is the community
/// service that has accepted the handover. Only a request R4 says is to be acted on maps (see
/// <see cref="MedicationRequestSemantics"/>); an <c>entered-in-error</c> or <c>cancelled</c> one retracts.
/// </summary>
public sealed class MedicationRequestContinuityMapper
{
    public const string LegalGateway = "HSCA2012-s251B";
    public const string CollectionPurpose = "substance-misuse-treatment";
    public const string RecordKind = "medication-request-continuity";

    private static readonly RetractedRecord Published = new(RecordKind, EventCatalogue.For<TreatmentContinuityRequired>().Name);

    public MappingResult<TreatmentContinuityRequired> Map(string medicationRequestJson) => Map(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson));

    /// <summary>A MedicationRequest already split out by a source (an NDJSON line, an HTTP body).</summary>
    public MappingResult<TreatmentContinuityRequired> Map(JsonElement medicationRequestJson) => Map(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson));

    /// <summary>A MedicationRequest from a source: the continuity event, or the retraction its status calls for.</summary>
    public MappingResult<IShareableEvent> MapOrRetract(JsonElement medicationRequestJson) =>
        FhirSourceMapping.MapOrRetract<MedicationRequest, TreatmentContinuityRequired>(medicationRequestJson, Map, Retract);

    /// <summary>The retraction when this version's status takes back earlier versions; null otherwise.</summary>
    public MappingResult<RecordRetracted>? Retract(MedicationRequest request) =>
        MedicationRequestSemantics.RetractionReason(request) is { } reason
            ? FhirRetraction.Build(Published, reason, request, fields => FhirSubject.From(request.Subject, "MedicationRequest.subject", fields), _ => Footing)
            : null;

    public MappingResult<TreatmentContinuityRequired> Map(MedicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new FieldReader();
        var id = fields.Required("MedicationRequest.id", request.Id);
        MedicationRequestSemantics.Check(request, fields);
        var subject = FhirSubject.From(request.Subject, "MedicationRequest.subject", fields);
        var regime = fields.Required("MedicationRequest.category[0].text", request.Category.FirstOrDefault()?.Text);
        var releaseDate = fields.OptionalDate("MedicationRequest.dispenseRequest.validityPeriod.end", request.DispenseRequest?.ValidityPeriod?.End?[..Math.Min(10, request.DispenseRequest.ValidityPeriod.End.Length)]);
        if (releaseDate is null && !fields.Problems.Any(p => p.Field.StartsWith("MedicationRequest.dispenseRequest", StringComparison.Ordinal)))
        {
            fields.Add("MedicationRequest.dispenseRequest.validityPeriod.end", "is required (the release date)");
        }

        var authoredOn = fields.Timestamp("MedicationRequest.authoredOn", request.AuthoredOn);
        var dose = request.DosageInstruction.FirstOrDefault()?.DoseAndRate.FirstOrDefault()?.Dose as Quantity;
        if (dose is not null && dose.Code != "mg")
        {
            fields.Add("MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity.code", "must be mg");
        }

        if (fields.HasProblems)
        {
            return MappingResult<TreatmentContinuityRequired>.Failure(fields.Problems);
        }

        return MappingResult<TreatmentContinuityRequired>.Success(new TreatmentContinuityRequired
        {
            Envelope = new EventEnvelope
            {
                EventId = FhirEventIds.For(RecordKind, id, request.Meta?.VersionId),
                OccurredAt = authoredOn,
                Source = AgencyCode.Nhs,
                Subject = subject,
                Classification = DataClassification.SpecialCategoryHealth,
                Consent = Footing,
            },
            ReleaseDate = releaseDate!.Value,
            Regime = regime,
            Medication = (request.Medication as CodeableConcept)?.Text,
            DailyDoseMg = dose?.Value,
            TreatmentHandoverInPlace = request.Performer is not null,
        });
    }

    private static ConsentTag Footing => new() { LegalGateway = LegalGateway, CollectionPurpose = CollectionPurpose };

    private MappingResult<TreatmentContinuityRequired> Map(MappingResult<MedicationRequest> parsed) =>
        parsed.Value is { } request ? Map(request) : MappingResult<TreatmentContinuityRequired>.Failure(parsed.Problems);
}
