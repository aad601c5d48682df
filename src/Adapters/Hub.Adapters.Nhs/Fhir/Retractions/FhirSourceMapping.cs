using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Nhs.Fhir.Retractions;

/// <summary>
/// What a source does with one resource, once parsed and checked against base R4 (<see cref="Validation.FhirR4Validator.Check{T}"/>):
/// when its status takes back earlier versions, the retraction; otherwise whatever the mapper makes of it (its event,
/// or the problems, <c>fhir-not-actionable</c> among them). A resource that did not parse or is not valid R4 is
/// refused with those problems, whichever its status.
/// </summary>
public static class FhirSourceMapping
{
    public static MappingResult<IShareableEvent> MapOrRetract<TResource, TEvent>(
        MappingResult<TResource> checkedResource,
        Func<TResource, MappingResult<TEvent>> map,
        Func<TResource, MappingResult<RecordRetracted>?> retract)
        where TResource : Resource
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(checkedResource);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(retract);
        if (checkedResource.Value is not { } resource)
        {
            return MappingResult<IShareableEvent>.Failure(checkedResource.Problems);
        }

        return retract(resource) is { } retraction ? Widen(retraction) : Widen(map(resource));
    }

    public static MappingResult<IShareableEvent> Widen<TEvent>(MappingResult<TEvent> result)
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Value is { } mapped ? MappingResult<IShareableEvent>.Success(mapped) : MappingResult<IShareableEvent>.Failure(result.Problems);
    }
}
