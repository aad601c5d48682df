using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Retractions;
using Hub.Adapters.Nhs.Fhir.Semantics;
using Hub.Contracts.Catalogue;
using Hub.Adapters.Nhs.Fhir.Codings;
using Hub.Adapters.Nhs.Fhir.Dates;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Nhs.Referrals;

/// <summary>
/// The mental-health trust's FHIR R4 <c>ServiceRequest</c> referring a service user to employment support (an
/// IAPT or recovery-and-social-inclusion referral) becomes <c>employment.referral.created</c>: the information
/// passport's core record (DSA-016). The passport travels only on the person's consent, so the request must cite
/// the hub consent in <c>supportingInfo</c>; the contained Patient carries the NHS and National Insurance numbers.
/// Only a request R4 says is to be acted on maps (see <see cref="ServiceRequestSemantics"/>); an
/// <c>entered-in-error</c> or <c>revoked</c> one retracts.
/// </summary>
public sealed class ServiceRequestReferralMapper(FhirR4Validator? validator = null, FhirCodingOptions? codings = null, TimeProvider? time = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;
    private readonly FhirCodingOptions _codings = codings ?? new FhirCodingOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const string CollectionPurpose = "information-passport";
    public const string RecordKind = "service-request-referral";

    private static readonly RetractedRecord Published = new(RecordKind, EventCatalogue.For<ReferralCreated>().Name);

    public MappingResult<ReferralCreated> Map(string serviceRequestJson) => Map(_validator.Check(FhirResourceReader.Read<ServiceRequest>(serviceRequestJson)));

    public MappingResult<ReferralCreated> Map(JsonElement serviceRequest) => Map(_validator.Check(FhirResourceReader.Read<ServiceRequest>(serviceRequest)));

    /// <summary>A ServiceRequest from a source: the referral event, or the retraction its status calls for.</summary>
    public MappingResult<IShareableEvent> MapOrRetract(JsonElement serviceRequest) =>
        FhirSourceMapping.MapOrRetract<ServiceRequest, ReferralCreated>(_validator.Check(FhirResourceReader.Read<ServiceRequest>(serviceRequest)), Map, Retract);

    /// <summary>The retraction when this version's status takes back earlier versions; null otherwise.</summary>
    public MappingResult<RecordRetracted>? Retract(ServiceRequest request) =>
        ServiceRequestSemantics.RetractionReason(request) is { } reason
            ? FhirRetraction.Build(Published, reason, request, fields => FhirPatientIdentifiers.From(request, request.Subject, "ServiceRequest.subject", fields), fields => FootingOf(request, fields))
            : null;

    public MappingResult<ReferralCreated> Map(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new FieldReader();
        var id = fields.Required("ServiceRequest.id", request.Id);
        var referralId = fields.Required("ServiceRequest.identifier[0].value", request.Identifier.FirstOrDefault()?.Value);
        ServiceRequestSemantics.Check(request, fields);

        var subject = FhirPatientIdentifiers.From(request, request.Subject, "ServiceRequest.subject", fields);
        var programme = fields.Required("ServiceRequest.code.coding[programme]", FhirCodes.In(request.Code, _codings.ReferralProgramme));
        var provider = fields.Required("ServiceRequest.performer[0].identifier.value", request.Performer.FirstOrDefault()?.Identifier?.Value);
        // authoredOn is optional in R4, but the contract's referredOn (a date) has no other source.
        var authoredOn = FhirDates.Read("ServiceRequest.authoredOn", fields.Required("ServiceRequest.authoredOn", request.AuthoredOn), fields);
        var referredOn = FhirDates.Day("ServiceRequest.authoredOn", authoredOn, "referral date", fields);
        var occurred = FhirOccurredAt.Of(_time, FhirOccurredAt.Instant(request.Meta?.LastUpdated), authoredOn);
        var footing = FootingOf(request, fields);
        if (fields.HasProblems)
        {
            return MappingResult<ReferralCreated>.Failure(fields.Problems);
        }

        return MappingResult<ReferralCreated>.Success(new ReferralCreated
        {
            Envelope = new EventEnvelope
            {
                EventId = FhirEventIds.For(RecordKind, id, request.Meta?.VersionId),
                OccurredAt = occurred.Start,
                OccurredAtPrecision = occurred.Precision,
                Source = AgencyCode.Nhs,
                Subject = subject,
                Classification = DataClassification.Personal,
                Consent = footing,
            },
            ReferralId = referralId,
            Programme = programme,
            Provider = provider,
            ReferredOn = referredOn!.Value,
            SupportNeeds = [.. request.OrderDetail.Select(d => FhirCodes.In(d, _codings.ReferralSupportNeed) ?? FieldReader.Optional(d.Text)).OfType<string>()],
            MentalHealthIndicator = MentalHealthIndicator(request),
        });
    }

    /// <summary>Unknown (null) without a reason; true when a reason is a SNOMED CT mental disorder.</summary>
    private static bool? MentalHealthIndicator(ServiceRequest request) => request.ReasonCode.Count == 0
        ? null
        : request.ReasonCode.SelectMany(r => r.Coding).Any(c => c.System == FhirSystems.Snomed && c.Code == FhirSystems.SnomedMentalDisorder);

    private static ConsentTag FootingOf(ServiceRequest request, FieldReader fields) => new()
    {
        ConsentRef = fields.Required("ServiceRequest.supportingInfo[consent].identifier.value", ConsentRefOf(request)),
        CollectionPurpose = CollectionPurpose,
    };

    private static string? ConsentRefOf(ServiceRequest request) => request.SupportingInfo
        .FirstOrDefault(r => r.Identifier?.System == FhirSystems.HubConsent)?.Identifier?.Value;

    private MappingResult<ReferralCreated> Map(MappingResult<ServiceRequest> parsed) =>
        parsed.Value is { } request ? Map(request) : MappingResult<ReferralCreated>.Failure(parsed.Problems);
}
