using Hub.Contracts.Temporal;

namespace Hub.Adapters.Nhs.Fhir.Dates;

/// <summary>
/// A FHIR R4 <c>date</c>, <c>dateTime</c> or <c>instant</c> as sent. <see cref="Start"/> is the instant sent, or the first
/// instant of the year, month or day sent (at offset zero: FHIR gives a date no zone); <see cref="Precision"/> says
/// which, null when a time was sent. <see cref="Day"/> is the calendar day as sent (the sender's own date for a
/// dateTime), null for a year or a month.
/// </summary>
public sealed record FhirPartialDateTime(DateTimeOffset Start, DateTimePrecision? Precision, DateOnly? Day);
