using System.Globalization;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;

namespace Hub.IntegrationTests.Sources;

/// <summary>Probation's record shape (snake_case) to a release notice; leaves the event id to the SDK.</summary>
public sealed class ReleaseCsvMapper : IRecordMapper<DropFolderRecord>
{
    public const string Header = "local_id,pnc_id,release_date,establishment,resettlement_area";

    /// <summary>Called with each row number before it is mapped; lets a test stop the source mid-file.</summary>
    public Action<int>? OnRow { get; set; }

    public static string Row(int n) => $"PRB-{n},{PncId.Create(2019, 400000 + n)},2026-12-04,HMP Fictional,lewisham";

    public RecordMapping Map(DropFolderRecord record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        OnRow?.Invoke(record.Row);
        return Map(name => record.Fields.TryGetProperty(name, out var v) ? v.GetString() : null, context);
    }

    public static RecordMapping Map(Func<string, string?> field, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(context);
        if (!DateOnly.TryParseExact(field("release_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var releaseDate))
        {
            return RecordMapping.Rejected("release_date is not a date (yyyy-MM-dd)");
        }

        return RecordMapping.Mapped(new ReleaseScheduled
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.Empty,
                OccurredAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
                Source = context.Agency,
                Classification = DataClassification.CriminalOffence,
                Subject = new SubjectIdentifiers { LocalId = field("local_id"), PncId = field("pnc_id") },
                Consent = new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
            },
            ReleaseDate = releaseDate,
            Establishment = field("establishment") ?? string.Empty,
            SentenceBand = SentenceBand.UnderTwelveMonths,
            ResettlementArea = field("resettlement_area") ?? string.Empty,
        });
    }
}
