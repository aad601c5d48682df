using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sinks;
using Hub.Adapters.Council.AdultSocialCare;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Council.Deliveries;

/// <summary>
/// What the council's systems take from the hub in their own shapes: a planned discharge becomes an adult social
/// care referral, DWP's answer to an employment check a case note for the service that asked, an employment
/// referral an intake record. Other event types (release notices, assessments, indicators) go to the sink as the
/// contract payload only.
/// </summary>
public sealed class CouncilDeliveryRecordMapper(DischargeReferralMapper discharges) : IDeliveryRecordMapper
{
    public MappingResult<object>? Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.EventType switch
        {
            DischargeReferralMapper.EventType => Discharge(delivery),
            "employment.status.answered" => CheckOutcome(delivery),
            "employment.referral.created" => Referral(delivery),
            _ => null,
        };
    }

    private MappingResult<object> Discharge(EventDelivered delivery)
    {
        var referral = discharges.Map(delivery);
        return referral.Value is { } value ? MappingResult<object>.Success(value) : MappingResult<object>.Failure(referral.Problems);
    }

    private static MappingResult<object> CheckOutcome(EventDelivered delivery)
    {
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var queryText = payload.Required("queryId");
        var queryId = Guid.Empty;
        if (queryText.Length > 0 && !Guid.TryParse(queryText, out queryId))
        {
            fields.Add("payload.queryId", "is not a query id (UUID)");
        }

        var status = payload.Text("status") switch
        {
            "employed" => EmploymentStatus.Employed,
            "not-employed" => EmploymentStatus.NotEmployed,
            "unknown" => EmploymentStatus.Unknown,
            null => Problem(fields, "is required"),
            _ => Problem(fields, "must be employed, not-employed or unknown"),
        };
        var checkedOn = payload.Date("checkedOn");
        var service = delivery.Purpose switch
        {
            "homelessness-application" => "housing-options",
            "troubled-families" => "troubled-families-team",
            "job-outcome-verification" => "ways-into-work",
            _ => null,
        };
        if (service is null)
        {
            fields.Add("purpose", "names no council service that asks DWP about employment");
        }

        return fields.HasProblems ? MappingResult<object>.Failure(fields.Problems) : MappingResult<object>.Success(new DwpCheckOutcome
        {
            QueryId = queryId,
            Status = status,
            CheckedOn = checkedOn,
            Service = service!,
            Purpose = delivery.Purpose,
            LegalGateway = delivery.LegalGateway,
            ConsentRef = delivery.ConsentRef,
            OnwardSharingForbidden = delivery.Obligations.OnwardSharingForbidden,
            SharedUnder = payload.SharedUnder,
            RetainUntil = payload.RetainUntil,
        });
    }

    private static MappingResult<object> Referral(EventDelivered delivery)
    {
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var referralId = payload.Required("referralId");
        var programme = payload.Required("programme");
        var referredOn = payload.Date("referredOn");
        var nino = fields.Nino("payload.subject.nino", payload.SubjectText("nino"));
        return fields.HasProblems ? MappingResult<object>.Failure(fields.Problems) : MappingResult<object>.Success(new EmploymentSupportReferral
        {
            ReferralId = referralId,
            Nino = nino,
            Programme = programme,
            Provider = payload.Text("provider"),
            ReferredOn = referredOn,
            SupportNeeds = payload.TextList("supportNeeds"),
            MentalHealthIndicator = payload.Flag("mentalHealthIndicator"),
            Purpose = delivery.Purpose,
            SharedUnder = payload.SharedUnder,
            RetainUntil = payload.RetainUntil,
        });
    }

    private static EmploymentStatus Problem(FieldReader fields, string problem)
    {
        fields.Add("payload.status", problem);
        return EmploymentStatus.Unknown;
    }
}
