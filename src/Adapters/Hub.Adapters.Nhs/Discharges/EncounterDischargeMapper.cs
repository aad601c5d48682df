using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Retractions;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Adapters.Nhs.Fhir.Dates;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Nhs.Discharges;

/// <summary>
/// A FHIR R4 <c>Encounter</c> (inpatient, in progress) whose <c>period.end</c> is the planned discharge becomes
/// <c>health.discharge.planned</c>, shared under the hospital discharge protocol's gateway (DSA-015). Only an
/// Encounter R4 says is to be acted on maps (see <see cref="EncounterSemantics"/>); an <c>entered-in-error</c> or
/// <c>cancelled</c> one retracts.
/// </summary>
public sealed class EncounterDischargeMapper(FhirR4Validator? validator = null, TimeProvider? time = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const string LegalGateway = "HSCA2012-s251B";
    public const string CollectionPurpose = "direct-care";
    public const string RecordKind = "encounter-discharge";

    private static readonly RetractedRecord Published = new(RecordKind, EventCatalogue.For<DischargePlanned>().Name);

    public MappingResult<DischargePlanned> Map(string encounterJson) => Map(_validator.Check(FhirResourceReader.Read<Encounter>(encounterJson)));

    /// <summary>An Encounter already split out by a source (an NDJSON line, an HTTP body).</summary>
    public MappingResult<DischargePlanned> Map(JsonElement encounterJson) => Map(_validator.Check(FhirResourceReader.Read<Encounter>(encounterJson)));

    /// <summary>An Encounter from a source: the discharge event, or the retraction its status calls for.</summary>
    public MappingResult<IShareableEvent> MapOrRetract(JsonElement encounterJson) =>
        FhirSourceMapping.MapOrRetract<Encounter, DischargePlanned>(_validator.Check(FhirResourceReader.Read<Encounter>(encounterJson)), Map, Retract);

    /// <summary>The retraction when this version's status takes back earlier versions; null otherwise.</summary>
    public MappingResult<RecordRetracted>? Retract(Encounter encounter) =>
        EncounterSemantics.RetractionReason(encounter) is { } reason
            ? FhirRetraction.Build(Published, reason, encounter, fields => SubjectOf(encounter, fields), _ => Footing)
            : null;

    public MappingResult<DischargePlanned> Map(Encounter encounter)
    {
        ArgumentNullException.ThrowIfNull(encounter);
        var fields = new FieldReader();
        var id = fields.Required("Encounter.id", encounter.Id);
        EncounterSemantics.Check(encounter, fields);

        var subject = SubjectOf(encounter, fields);
        var organisation = encounter.ServiceProvider?.Identifier is { System: FhirSystems.OdsOrganisation } ods
            ? fields.Required("Encounter.serviceProvider.identifier[ods]", ods.Value)
            : fields.Required("Encounter.serviceProvider.identifier[ods]", null);
        var plannedEnd = FhirDates.Read("Encounter.period.end", encounter.Period?.End, fields);
        if (plannedEnd is null && encounter.Period?.End is null)
        {
            fields.Add("Encounter.period.end", "is required (the planned discharge date and time)");
        }

        var disposition = encounter.Hospitalization?.DischargeDisposition?.Coding
            .FirstOrDefault(c => c.System == FhirSystems.DischargeDisposition)?.Code;
        var occurred = FhirOccurredAt.Of(_time, FhirOccurredAt.Instant(encounter.Meta?.LastUpdated));
        if (fields.HasProblems)
        {
            return MappingResult<DischargePlanned>.Failure(fields.Problems);
        }

        return MappingResult<DischargePlanned>.Success(new DischargePlanned
        {
            Envelope = new EventEnvelope
            {
                EventId = FhirEventIds.For(RecordKind, id, encounter.Meta?.VersionId),
                OccurredAt = occurred.Start,
                OccurredAtPrecision = occurred.Precision,
                Source = AgencyCode.Nhs,
                Subject = subject,
                Classification = DataClassification.SpecialCategoryHealth,
                Consent = Footing,
            },
            EncounterId = id,
            Organisation = organisation,
            PlannedDischargeAt = plannedEnd!.Start,
            PlannedDischargeAtPrecision = plannedEnd.Precision,
            DischargeAddress = encounter.Hospitalization?.Destination?.Display,
            MentalHealthNeeds = disposition is null ? null : disposition == "psy",
            CarePackageRequired = encounter.Hospitalization?.SpecialArrangement.Count > 0,
            ClinicalSummary = encounter.ReasonCode.FirstOrDefault()?.Text,
        });
    }

    private static ConsentTag Footing => new() { LegalGateway = LegalGateway, CollectionPurpose = CollectionPurpose };

    /// <summary>The subject resolved as in every NHS resource (contained Patient, literal or logical reference), with the hospital's local patient id when the subject has none.</summary>
    private static SubjectIdentifiers? SubjectOf(Encounter encounter, FieldReader fields) =>
        FhirPatientIdentifiers.From(encounter, encounter.Subject, "Encounter.subject", fields) is { } subject ? subject with { LocalId = subject.LocalId ?? LocalPatientId(encounter) } : null;

    private MappingResult<DischargePlanned> Map(MappingResult<Encounter> parsed) =>
        parsed.Value is { } encounter ? Map(encounter) : MappingResult<DischargePlanned>.Failure(parsed.Problems);

    private static string? LocalPatientId(Encounter encounter) =>
        encounter.Identifier.FirstOrDefault(i => i.System == FhirSystems.LocalPatientId)?.Value;
}
