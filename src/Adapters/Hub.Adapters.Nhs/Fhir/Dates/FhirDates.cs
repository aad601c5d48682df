using System.Globalization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Temporal;

namespace Hub.Adapters.Nhs.Fhir.Dates;

/// <summary>Reads every R4 precision of <c>date</c>, <c>dateTime</c> and <c>instant</c>, keeping the precision that was sent.</summary>
public static class FhirDates
{
    /// <summary>The value, or null (with a problem at <paramref name="field"/> when it is present but unreadable).</summary>
    public static FhirPartialDateTime? Read(string field, string? text, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (FieldReader.Optional(text) is not { } value)
        {
            return null;
        }

        var parsed = Parse(value);
        if (parsed is null)
        {
            fields.Add(field, "is not a FHIR R4 date, dateTime or instant");
        }

        return parsed;
    }

    /// <summary>The calendar day of a value that must name one (a contract date); a year or a month alone is refused.</summary>
    public static DateOnly? Day(string field, FhirPartialDateTime? value, string meaning, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (value is { Day: null })
        {
            fields.Add(field, $"is given only to the {value.Precision?.ToString().ToLowerInvariant()}: the {meaning} is a date, so it needs at least a day");
        }

        return value?.Day;
    }

    private static FhirPartialDateTime? Parse(string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (value.Length)
        {
            case 4 when int.TryParse(value, NumberStyles.None, invariant, out var year) && year >= 1:
                return new(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimePrecision.Year, null);
            case 7 when DateOnly.TryParseExact(value, "yyyy-MM", invariant, DateTimeStyles.None, out var month):
                return new(new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), DateTimePrecision.Month, null);
            case 10 when DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day):
                return new(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), DateTimePrecision.Day, day);
        }

        // A time: R4 requires its offset, so the day as sent is the sender's own calendar day.
        return value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal, out var at)
            ? new(at, null, DateOnly.FromDateTime(at.DateTime))
            : null;
    }
}
