using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sinks;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Jcp.Deliveries;

/// <summary>
/// What JCP's systems take from the hub in their own shapes: a release notice becomes a claim-appointment work item,
/// a pre-release claim consent a claim-start record, an employment-status query a check work item. Other event
/// types (e.g. a lead-professional change) go to the sink as the contract payload only.
/// </summary>
public sealed class JcpDeliveryRecordMapper : IDeliveryRecordMapper
{
    public MappingResult<object>? Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.EventType switch
        {
            "custody.release.scheduled" or "custody.release.amended" => Appointment(delivery),
            "consent.recorded" => Consent(delivery),
            "employment.status.queried" => StatusCheck(delivery),
            _ => null,
        };
    }

    private static MappingResult<object> Appointment(EventDelivered delivery)
    {
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var nino = payload.RequiredNino();
        var releaseDate = payload.Date("releaseDate");
        var establishment = payload.Required("establishment");
        var previous = payload.OptionalDate("previousReleaseDate");
        return Result(fields, () => new ClaimAppointmentRequest
        {
            WorkItemId = delivery.DeliveryId,
            Nino = nino!,
            ReleaseDate = releaseDate,
            PreviousReleaseDate = previous,
            Establishment = establishment,
            AddressOnRelease = payload.Text("addressOnRelease"),
            Amended = delivery.EventType == "custody.release.amended",
            SharedUnder = payload.SharedUnder,
            RetainUntil = payload.RetainUntil,
        });
    }

    private static MappingResult<object> Consent(EventDelivered delivery)
    {
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var nino = payload.RequiredNino();
        var consentId = payload.Required("consentId");
        var givenAt = payload.Timestamp("givenAt");
        var expiresAt = payload.OptionalTimestamp("expiresAt");
        var purposes = payload.TextList("purposes");
        if (purposes.Count == 0)
        {
            fields.Add("payload.purposes", "is required");
        }

        return Result(fields, () => new ClaimStartConsent
        {
            ConsentId = consentId,
            Nino = nino!,
            Purposes = purposes,
            GivenAt = givenAt,
            ExpiresAt = expiresAt,
            EvidenceRef = payload.Text("evidenceRef"),
            SharedUnder = payload.SharedUnder,
            RetainUntil = payload.RetainUntil,
        });
    }

    private static MappingResult<object> StatusCheck(EventDelivered delivery)
    {
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var queryText = payload.Required("queryId");
        var queryId = Guid.Empty;
        if (queryText.Length > 0 && !Guid.TryParse(queryText, out queryId))
        {
            fields.Add("payload.queryId", "is not a query id (UUID)");
        }

        var nino = payload.RequiredNino();
        var jobStart = payload.Date("jobStartDate");
        var weeks = payload.Number("checkpointWeeks");
        var provider = payload.Required("requestingProvider");
        if ((delivery.ConsentRef is null) == (delivery.LegalGateway is null))
        {
            fields.Add("consentRef", "exactly one of consentRef or legalGateway is required: the answer must keep the query's footing");
        }

        return Result(fields, () => new StatusCheckWorkItem
        {
            QueryId = queryId,
            Nino = nino!,
            JobStartDate = jobStart,
            CheckpointWeeks = weeks,
            RequestingProvider = provider,
            Purpose = delivery.Purpose,
            ConsentRef = delivery.ConsentRef,
            LegalGateway = delivery.LegalGateway,
            SharedUnder = payload.SharedUnder,
            RetainUntil = payload.RetainUntil,
        });
    }

    private static MappingResult<object> Result(FieldReader fields, Func<object> build) =>
        fields.HasProblems ? MappingResult<object>.Failure(fields.Problems) : MappingResult<object>.Success(build());
}
