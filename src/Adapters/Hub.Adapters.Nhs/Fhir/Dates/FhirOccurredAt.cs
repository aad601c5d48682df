namespace Hub.Adapters.Nhs.Fhir.Dates;

/// <summary>
/// When an event occurred: the first of the resource's own times that is present, in the order its mapper names
/// them, else the time the adapter read the resource. The event id does not depend on it, so a resource read twice
/// is still one event.
/// </summary>
public static class FhirOccurredAt
{
    public static FhirPartialDateTime Of(TimeProvider time, params ReadOnlySpan<FhirPartialDateTime?> candidates)
    {
        ArgumentNullException.ThrowIfNull(time);
        foreach (var candidate in candidates)
        {
            if (candidate is not null)
            {
                return candidate;
            }
        }

        return Instant(time.GetUtcNow())!;
    }

    /// <summary>An <c>instant</c> the SDK has already parsed (<c>meta.lastUpdated</c>).</summary>
    public static FhirPartialDateTime? Instant(DateTimeOffset? at) => at is { } value ? new(value, null, DateOnly.FromDateTime(value.DateTime)) : null;
}
