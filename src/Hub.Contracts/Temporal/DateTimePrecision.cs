using System.Text.Json.Serialization;

namespace Hub.Contracts.Temporal;

/// <summary>
/// How much of a date and time the source sent, when it sent less than a time of day (FHIR R4 <c>date</c> and
/// <c>dateTime</c> allow <c>2026</c>, <c>2026-11</c>, <c>2026-11-23</c>). The value beside it is then the first instant
/// of that year, month or day at offset zero, and only the named parts are meaningful. No precision means the
/// source sent a time (and its offset).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DateTimePrecision>))]
public enum DateTimePrecision
{
    Year,
    Month,
    Day,
}
