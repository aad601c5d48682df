using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Nhs.TreatmentContinuity;

/// <summary>
/// A prison healthcare team's FHIR R4 <c>MedicationRequest</c> (intent <c>plan</c>) for a regime that must continue in
/// the community becomes <c>health.treatment-continuity.required</c> (DSA-004). The supply's
/// <c>dispenseRequest.validityPeriod.end</c> is the release date; a named <c>performer</c> is the community
/// service that has accepted the handover.
/// </summary>
public sealed class MedicationRequestContinuityMapper(FhirR4Validator? validator = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;

    public const string LegalGateway = "HSCA2012-s251B";
    public const string CollectionPurpose = "substance-misuse-treatment";

    public MappingResult<TreatmentContinuityRequired> Map(string medicationRequestJson) => Map(_validator.Check(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson)));

    /// <summary>A MedicationRequest already split out by a source (an NDJSON line, an HTTP body).</summary>
    public MappingResult<TreatmentContinuityRequired> Map(JsonElement medicationRequestJson) => Map(_validator.Check(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson)));

    public MappingResult<TreatmentContinuityRequired> Map(MedicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new FieldReader();
        var id = fields.Required("MedicationRequest.id", request.Id);
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
                EventId = RecordEventIds.For(AgencyCode.Nhs, "medication-request-continuity", $"{id}/{request.Meta?.VersionId ?? "1"}"),
                OccurredAt = authoredOn,
                Source = AgencyCode.Nhs,
                Subject = subject,
                Classification = DataClassification.SpecialCategoryHealth,
                Consent = new ConsentTag { LegalGateway = LegalGateway, CollectionPurpose = CollectionPurpose },
            },
            ReleaseDate = releaseDate!.Value,
            Regime = regime,
            Medication = (request.Medication as CodeableConcept)?.Text,
            DailyDoseMg = dose?.Value,
            TreatmentHandoverInPlace = request.Performer is not null,
        });
    }

    private MappingResult<TreatmentContinuityRequired> Map(MappingResult<MedicationRequest> parsed) =>
        parsed.Value is { } request ? Map(request) : MappingResult<TreatmentContinuityRequired>.Failure(parsed.Problems);
}
