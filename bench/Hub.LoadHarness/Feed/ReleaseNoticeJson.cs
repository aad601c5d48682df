using System.Text;
using System.Text.Json;
using Hub.Simulation.Formats;
using Hub.Simulation.Timeline;

namespace Hub.LoadHarness.Feed;

/// <summary>
/// A release notice as the case system would POST it to the probation worker's HTTP ingest: the release list's columns
/// in camelCase (<c>notice_id</c> becomes <c>noticeId</c>), empty ones left out, to the route of its event type.
/// </summary>
public static class ReleaseNoticeJson
{
    private static readonly IReadOnlyList<string> Names = [.. ReleaseListFormat.Header.Select(CamelCase)];

    public static string EventType(ReleaseNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.SupersedesNoticeId is null ? "custody.release.scheduled" : "custody.release.amended";
    }

    public static byte[] Body(ReleaseNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in Names.Zip(ReleaseListFormat.Row(notice)))
            {
                if (value.Length > 0)
                {
                    json.WriteString(name, value);
                }
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string CamelCase(string column)
    {
        var parts = column.Split('_');
        var name = new StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1).Where(p => p.Length > 0))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part[1..]);
        }

        return name.ToString();
    }
}
