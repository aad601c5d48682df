using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Sinks;

/// <summary>
/// Agency-supplied, optional: turns a delivery back into the record shape the agency's own system takes (an IOM
/// nominal update, a social-care referral). The webhook and drop-folder sinks send it as <c>record</c> beside the
/// contract <c>payload</c>. Problems name fields, never values.
/// </summary>
public interface IDeliveryRecordMapper
{
    /// <summary>
    /// The record, its problems, or null when this agency has no own shape for the delivery's event type (the
    /// document then carries the payload only). A failure is permanent: the delivery goes to the error queue.
    /// </summary>
    MappingResult<object>? Map(EventDelivered delivery);
}
