using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Codings;
using Hub.Adapters.Nhs.Fhir.Dates;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Nhs.Referrals;

/// <summary>
/// The mental-health trust's FHIR R4 <c>ServiceRequest</c> referring a service user to employment support (an
/// IAPT or recovery-and-social-inclusion referral) becomes <c>employment.referral.created</c>: the information
/// passport's core record (DSA-016). The passport travels only on the person's consent, so the request must cite
/// the hub consent in <c>supportingInfo</c>; the contained Patient carries the NHS and National Insurance numbers.
/// </summary>
public sealed class ServiceRequestReferralMapper(FhirR4Validator? validator = null, FhirCodingOptions? codings = null, TimeProvider? time = null)
{
    private readonly FhirR4Validator _validator = validator ?? FhirR4Validator.Unlogged;
    private readonly FhirCodingOptions _codings = codings ?? new FhirCodingOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const string CollectionPurpose = "information-passport";

    public MappingResult<ReferralCreated> Map(string serviceRequestJson) => Map(_validator.Check(FhirResourceReader.Read<ServiceRequest>(serviceRequestJson)));

    public MappingResult<ReferralCreated> Map(JsonElement serviceRequest) => Map(_validator.Check(FhirResourceReader.Read<ServiceRequest>(serviceRequest)));

    public MappingResult<ReferralCreated> Map(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new FieldReader();
        var id = fields.Required("ServiceRequest.id", request.Id);
        var referralId = fields.Required("ServiceRequest.identifier[0].value", request.Identifier.FirstOrDefault()?.Value);
        if (request.Status is not RequestStatus.Active)
        {
            fields.Add("ServiceRequest.status", "must be active for a referral that has been made");
        }

        var subject = FhirPatientIdentifiers.From(request, request.Subject, "ServiceRequest.subject", fields);
        var programme = fields.Required("ServiceRequest.code.coding[programme]", FhirCodes.In(request.Code, _codings.ReferralProgramme));
        var provider = fields.Required("ServiceRequest.performer[0].identifier.value", request.Performer.FirstOrDefault()?.Identifier?.Value);
        // authoredOn is optional in R4, but the contract's referredOn (a date) has no other source.
        var authoredOn = FhirDates.Read("ServiceRequest.authoredOn", fields.Required("ServiceRequest.authoredOn", request.AuthoredOn), fields);
        var referredOn = FhirDates.Day("ServiceRequest.authoredOn", authoredOn, "referral date", fields);
        var occurred = FhirOccurredAt.Of(_time, FhirOccurredAt.Instant(request.Meta?.LastUpdated), authoredOn);
        var consentRef = fields.Required("ServiceRequest.supportingInfo[consent].identifier.value", ConsentRefOf(request));
        if (fields.HasProblems)
        {
            return MappingResult<ReferralCreated>.Failure(fields.Problems);
        }

        return MappingResult<ReferralCreated>.Success(new ReferralCreated
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Nhs, "service-request-referral", $"{id}/{request.Meta?.VersionId ?? "1"}"),
                OccurredAt = occurred.Start,
                OccurredAtPrecision = occurred.Precision,
                Source = AgencyCode.Nhs,
                Subject = subject,
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { ConsentRef = consentRef, CollectionPurpose = CollectionPurpose },
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

    private static string? ConsentRefOf(ServiceRequest request) => request.SupportingInfo
        .FirstOrDefault(r => r.Identifier?.System == FhirSystems.HubConsent)?.Identifier?.Value;

    private MappingResult<ReferralCreated> Map(MappingResult<ServiceRequest> parsed) =>
        parsed.Value is { } request ? Map(request) : MappingResult<ReferralCreated>.Failure(parsed.Problems);
}
