using System.Globalization;

namespace Hub.Sharing.Consent;

/// <summary>How consent wording states an instant: ISO 8601 in UTC to the second (<c>2026-11-23T14:05:09Z</c>), never a bare date.</summary>
public static class ConsentInstant
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
