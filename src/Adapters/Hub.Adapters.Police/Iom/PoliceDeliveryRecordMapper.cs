using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sinks;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Police.Iom;

/// <summary>
/// The police adapter's own record shape for deliveries: release notices and amendments become IOM nominal updates
/// (<see cref="IomNominalMapper"/>). Every other event type the force receives (assessments, lead changes, aggregate
/// indicators) has no IOM shape and keeps the contract payload only.
/// </summary>
public sealed class PoliceDeliveryRecordMapper(IomNominalMapper nominals) : IDeliveryRecordMapper
{
    public MappingResult<object>? Map(EventDelivered delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.EventType is not (IomNominalMapper.Scheduled or IomNominalMapper.Amended))
        {
            return null;
        }

        var update = nominals.Map(delivery);
        return update.Value is { } value ? MappingResult<object>.Success(value) : MappingResult<object>.Failure(update.Problems);
    }
}
