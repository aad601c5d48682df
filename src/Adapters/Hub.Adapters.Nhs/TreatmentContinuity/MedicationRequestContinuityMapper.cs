using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Retractions;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Nhs.Fhir.Codings;
using Hub.Adapters.Nhs.Fhir.Dates;
using Hub.Adapters.Nhs.Fhir.Quantities;
using Hub.Adapters.Nhs.Fhir.Validation;
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
public sealed class MedicationRequestContinuityMapper(FhirR4Validator? validator = null, FhirCodingOptions? codings = null, TimeProvider? time = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;
    private readonly FhirCodingOptions _codings = codings ?? new FhirCodingOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const string LegalGateway = "HSCA2012-s251B";
    public const string CollectionPurpose = "substance-misuse-treatment";
    public const string RecordKind = "medication-request-continuity";

    private static readonly RetractedRecord Published = new(RecordKind, EventCatalogue.For<TreatmentContinuityRequired>().Name);

    public MappingResult<TreatmentContinuityRequired> Map(string medicationRequestJson) => Map(_validator.Check(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson)));

    /// <summary>A MedicationRequest already split out by a source (an NDJSON line, an HTTP body).</summary>
    public MappingResult<TreatmentContinuityRequired> Map(JsonElement medicationRequestJson) => Map(_validator.Check(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson)));

    /// <summary>A MedicationRequest from a source: the continuity event, or the retraction its status calls for.</summary>
    public MappingResult<IShareableEvent> MapOrRetract(JsonElement medicationRequestJson) =>
        FhirSourceMapping.MapOrRetract<MedicationRequest, TreatmentContinuityRequired>(_validator.Check(FhirResourceReader.Read<MedicationRequest>(medicationRequestJson)), Map, Retract);

    /// <summary>The retraction when this version's status takes back earlier versions; null otherwise.</summary>
    public MappingResult<RecordRetracted>? Retract(MedicationRequest request) =>
        MedicationRequestSemantics.RetractionReason(request) is { } reason
            ? FhirRetraction.Build(Published, reason, request, fields => FhirPatientIdentifiers.From(request, request.Subject, "MedicationRequest.subject", fields), _ => Footing)
            : null;

    public MappingResult<TreatmentContinuityRequired> Map(MedicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new FieldReader();
        var id = fields.Required("MedicationRequest.id", request.Id);
        MedicationRequestSemantics.Check(request, fields);
        var subject = FhirPatientIdentifiers.From(request, request.Subject, "MedicationRequest.subject", fields);
        var regime = RegimeOf(request, fields);
        const string ReleaseField = "MedicationRequest.dispenseRequest.validityPeriod.end";
        var releaseEnd = FhirDates.Read(ReleaseField, request.DispenseRequest?.ValidityPeriod?.End, fields);
        var releaseDate = FhirDates.Day(ReleaseField, releaseEnd, "release date", fields);
        if (request.DispenseRequest?.ValidityPeriod?.End is null)
        {
            fields.Add(ReleaseField, "is required (the release date)");
        }

        var authoredOn = FhirDates.Read("MedicationRequest.authoredOn", request.AuthoredOn, fields);
        var dose = UcumDose.Read("MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity", request.DosageInstruction.FirstOrDefault()?.DoseAndRate.FirstOrDefault()?.Dose as Quantity, fields);
        var occurred = FhirOccurredAt.Of(_time, authoredOn, FhirOccurredAt.Instant(request.Meta?.LastUpdated));

        if (fields.HasProblems)
        {
            return MappingResult<TreatmentContinuityRequired>.Failure(fields.Problems);
        }

        return MappingResult<TreatmentContinuityRequired>.Success(new TreatmentContinuityRequired
        {
            Envelope = new EventEnvelope
            {
                EventId = FhirEventIds.For(RecordKind, id, request.Meta?.VersionId),
                OccurredAt = occurred.Start,
                OccurredAtPrecision = occurred.Precision,
                Source = AgencyCode.Nhs,
                Subject = subject,
                Classification = DataClassification.SpecialCategoryHealth,
                Consent = Footing,
            },
            ReleaseDate = releaseDate!.Value,
            Regime = regime,
            Medication = (request.Medication as CodeableConcept)?.Text,
            DailyDoseMg = dose is null ? null : UcumUnits.ToMilligrams(dose.Value, dose.Unit),
            DailyDose = dose,
            TreatmentHandoverInPlace = request.Performer is not null,
        });
    }

    private static ConsentTag Footing => new() { LegalGateway = LegalGateway, CollectionPurpose = CollectionPurpose };

    /// <summary>
    /// The regime: the first category with text (a prescriber's words), else the code of a category coding in the
    /// configured treatment-regime system. A standard category coding (inpatient, community, discharge) says where,
    /// not what, so it is passed over rather than refused.
    /// </summary>
    private string RegimeOf(MedicationRequest request, FieldReader fields)
    {
        var regime = request.Category.Select(c => FieldReader.Optional(c.Text)).FirstOrDefault(t => t is not null)
            ?? request.Category.Select(c => FhirCodes.In(c, _codings.TreatmentRegime)).FirstOrDefault(c => c is not null);
        if (regime is null)
        {
            fields.Add("MedicationRequest.category", "needs the treatment regime: a category with text, or a coding in the treatment-regime system");
            return string.Empty;
        }

        return regime;
    }

    private MappingResult<TreatmentContinuityRequired> Map(MappingResult<MedicationRequest> parsed) =>
        parsed.Value is { } request ? Map(request) : MappingResult<TreatmentContinuityRequired>.Failure(parsed.Problems);
}
