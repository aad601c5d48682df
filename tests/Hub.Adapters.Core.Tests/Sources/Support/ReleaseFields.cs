using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Core.Tests.Sources.Support;

/// <summary>A probation record shape (snake_case columns) mapped to a release notice, as an agency mapper would.</summary>
internal static class ReleaseFields
{
    public const string Header = "local_id,pnc_id,release_date,establishment,resettlement_area";

    public static string Row(int n, string? releaseDate = null) =>
        $"PRB-{n},{PncId.Create(2019, 400000 + n)},{releaseDate ?? "2026-12-04"},HMP Fictional,lewisham";

    public static RecordMapping Map(JsonElement fields, RecordContext context)
    {
        var problems = new List<string>();
        var release = Text(fields, "release_date");
        if (!DateOnly.TryParseExact(release, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var releaseDate))
        {
            problems.Add("release_date is not a date (yyyy-MM-dd)");
        }

        foreach (var required in new[] { "establishment", "resettlement_area" })
        {
            if (string.IsNullOrWhiteSpace(Text(fields, required)))
            {
                problems.Add(required + " is missing");
            }
        }

        if (problems.Count > 0)
        {
            return RecordMapping.Rejected(problems);
        }

        return RecordMapping.Mapped(new ReleaseScheduled
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.Empty,
                OccurredAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
                Source = context.Agency,
                Classification = DataClassification.CriminalOffence,
                Subject = new SubjectIdentifiers { LocalId = Text(fields, "local_id"), PncId = Text(fields, "pnc_id") },
                Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
            },
            ReleaseDate = releaseDate,
            Establishment = Text(fields, "establishment")!,
            SentenceBand = SentenceBand.UnderTwelveMonths,
            ResettlementArea = Text(fields, "resettlement_area")!,
        });
    }

    /// <summary>A valid probation envelope for events built by test mappers (the SDK stamps the event id).</summary>
    public static EventEnvelope Envelope() => new()
    {
        EventId = Guid.Empty,
        OccurredAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        Source = Hub.Contracts.Agencies.AgencyCode.Probation,
        Classification = DataClassification.CriminalOffence,
        Subject = new SubjectIdentifiers { LocalId = "PRB-1", PncId = PncId.Create(2019, 400001) },
        Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
    };

    private static string? Text(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
