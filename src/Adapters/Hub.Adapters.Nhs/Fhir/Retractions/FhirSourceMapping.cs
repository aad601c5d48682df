using System.Text.Json;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;

namespace Hub.Adapters.Nhs.Fhir.Retractions;

/// <summary>
/// What a source does with one resource: when its status takes back earlier versions, the retraction; otherwise
/// whatever the mapper makes of it (its event, or the problems, <c>fhir-not-actionable</c> among them).
/// </summary>
public static class FhirSourceMapping
{
    public static MappingResult<IShareableEvent> MapOrRetract<TResource, TEvent>(
        JsonElement json,
        Func<TResource, MappingResult<TEvent>> map,
        Func<TResource, MappingResult<RecordRetracted>?> retract)
        where TResource : Resource
        where TEvent : class, IShareableEvent
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(retract);
        var parsed = FhirResourceReader.Read<TResource>(json);
        if (parsed.Value is not { } resource)
        {
            return MappingResult<IShareableEvent>.Failure(parsed.Problems);
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
