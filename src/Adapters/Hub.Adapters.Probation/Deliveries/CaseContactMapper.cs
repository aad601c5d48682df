using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sinks;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Probation.Deliveries;

/// <summary>
/// What probation receives, in its case system's shape. In the sample agreements two flows deliver to probation:
/// DSA-004 F1 (<c>health.treatment-continuity.required</c>: only that a community prescription handover is or is not
/// in place) becomes a <see cref="CaseContact"/>, with an alert when it is not; DSA-018 F1
/// (<c>performance.indicators.submitted</c>) is aggregate, belongs to no case, and keeps the payload only (null).
/// </summary>
public sealed class CaseContactMapper : IDeliveryRecordMapper
{
    public const string TreatmentContinuity = "health.treatment-continuity.required";

    public MappingResult<object>? Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.EventType == TreatmentContinuity ? TreatmentHandover(delivery) : null;
    }

    private static MappingResult<object> TreatmentHandover(EventDelivered delivery)
    {
        var fields = new FieldReader();
        var payload = new DeliveryPayloadReader(delivery, fields);
        var pnc = payload.SubjectText("pncId");
        var pncId = fields.PncId("payload.subject.pncId", pnc);
        if (pnc is null)
        {
            fields.Add("payload.subject.pncId", "is required: the case is found by its PNC id");
        }

        var releaseDate = payload.Date("releaseDate");
        var inPlace = payload.Flag("treatmentHandoverInPlace");
        if (inPlace is null)
        {
            fields.Add("payload.treatmentHandoverInPlace", "is required and must be true or false");
        }

        if (fields.HasProblems)
        {
            return MappingResult<object>.Failure(fields.Problems);
        }

        return MappingResult<object>.Success(new CaseContact
        {
            ContactId = delivery.DeliveryId,
            PncId = pncId!,
            ContactType = "TREATMENT_HANDOVER",
            ContactDate = releaseDate,
            Outcome = inPlace!.Value ? "HANDOVER_IN_PLACE" : "HANDOVER_NOT_IN_PLACE",
            Alert = !inPlace.Value,
            Sensitive = true,
            Notes = inPlace.Value
                ? "NHS: community treatment handover is in place for the release date."
                : "NHS: community treatment handover is NOT yet in place for the release date; contact the prison healthcare team.",
            SharedUnder = payload.SharedUnder,
            RetainUntil = payload.RetainUntil,
            OnwardSharingForbidden = delivery.Obligations.OnwardSharingForbidden,
        });
    }
}
