using System.Text;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Formats;

/// <summary>Turns one batch of one kind of record into the bytes of the file the agency would drop (UTF-8, LF, header row).</summary>
public static class DropFileRenderer
{
    public static byte[] Render(DropFileKind kind, IEnumerable<ISimulatedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return kind switch
        {
            DropFileKind.ReleaseList => Csv(ReleaseListFormat.Header, records.Cast<ReleaseNotice>().Select(ReleaseListFormat.Row)),
            DropFileKind.Consents => Csv(ConsentListFormat.Header, records.Cast<ConsentEntry>().Select(ConsentListFormat.Row)),
            DropFileKind.StatusChecks => Csv(StatusCheckListFormat.Header, records.Cast<StatusCheckAnswer>().Select(StatusCheckListFormat.Row)),
            _ => HousingApplicationsFormat.Render(records.Cast<HousingApplication>()),
        };
    }

    private static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        text.Append(CsvParser.Format(header)).Append('\n');
        foreach (var row in rows)
        {
            text.Append(CsvParser.Format(row)).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }
}
