using System.Globalization;
using System.Net;
using System.Text;
using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// The subject report as one self-contained HTML page (inline styles, no scripts or external resources) that an IG
/// lead can attach to a subject access response. Every value is HTML-encoded.
/// </summary>
internal static class SubjectReportHtml
{
    public static string Render(SubjectReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>AgencyHub: sharing of your information</title>
            <style>
            body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#0b0c0c;max-width:70em}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #b1b4b6;padding:.35em;text-align:left;vertical-align:top;font-size:.9em}
            th{background:#f3f2f1}.disclosed{color:#00703c;font-weight:bold}.denied{color:#d4351c;font-weight:bold}small{color:#505a5f}
            </style></head><body>
            <h1>Sharing of your information through AgencyHub</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Generated {E(Time(report.GeneratedAt))} from the disclosure ledger, searching by {E(string.Join(", ", report.IdentifiersSearched))}. ");
        html.Append(CultureInfo.InvariantCulture, $"It lists every decision to share or not to share information about you: {report.Disclosures} disclosure(s) and {report.Denials} denial(s). ");
        html.Append("Field names are listed; the information itself is not reproduced here.</p>\n");
        if (report.SubjectKeyIdsNotSearched.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>Incomplete:</strong> ledger rows written under subject key id(s) {E(string.Join(", ", report.SubjectKeyIdsNotSearched))} were not searched; this report covers rows under {E(string.Join(", ", report.SubjectKeyIdsSearched))} only.</p>\n");
        }

        html.Append("<h2>Your consents</h2>\n");
        if (report.Consents.Count == 0)
        {
            html.Append("<p>No consent is recorded for you.</p>\n");
        }
        else
        {
            html.Append("<table><tr><th>Consent</th><th>Recorded by</th><th>Purposes</th><th>Covers</th><th>Given</th><th>Expires</th><th>Withdrawn</th><th>Evidence</th></tr>\n");
            foreach (var c in report.Consents)
            {
                var covers = c.Agreement is not null ? $"parties to {c.Agreement}: {string.Join(", ", c.Recipients)}" : c.Recipients.Count == 0 ? "any party" : string.Join(", ", c.Recipients);
                Row(html, c.ConsentId, c.RecordedBy, string.Join(", ", c.Purposes), covers, Time(c.GivenAt), Time(c.ExpiresAt), Time(c.WithdrawnAt), c.EvidenceRef);
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Decisions</h2>\n");
        if (report.Decisions.Count == 0)
        {
            html.Append("<p>The ledger holds no decision about you.</p>\n");
        }

        foreach (var d in report.Decisions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3><span class=\"{(d.Outcome == "disclosed" ? "disclosed" : "denied")}\">{E(d.Outcome == "disclosed" ? "Shared" : "Not shared")}</span> with {E(d.To)}, {E(Time(d.When))}</h3>\n");
            html.Append("<table>\n");
            Pair(html, "Event", $"{d.EventType} {d.EventId} from {d.From}");
            Pair(html, "Purpose", d.Purpose);
            Pair(html, "Lawful basis", d.LawfulBasis);
            Pair(html, "Relied on", d.Footing);
            Pair(html, d.Outcome == "disclosed" ? "Agreement" : "Refused under", d.Agreement is null ? null : $"{d.Agreement} flow {d.Flow}");
            Pair(html, "Consent", d.Consent);
            Pair(html, "Legal gateway", d.Gateway);
            Pair(html, "Fields released", d.Outcome == "disclosed" ? (d.FieldsReleased.Count == 0 ? "none" : string.Join(", ", d.FieldsReleased)) : null);
            Pair(html, "Fields withheld", d.FieldsWithheld.Count == 0 ? "none" : string.Join(", ", d.FieldsWithheld));
            Pair(html, d.Outcome == "disclosed" ? "Why it was shared" : "Why it was not shared", string.Join(" | ", d.Reasons));
            foreach (var recall in (d.Recall is null ? [] : new[] { d.Recall }).Concat(d.RetractionRecalls ?? []))
            {
                Pair(html, $"Recall ({RecallWording.Label(RecallCauseKinds.Parse(recall.Cause))})", $"{recall.Status}: {recall.Explanation}");
            }

            Pair(html, "Delivery", d.DeliveryId?.ToString());
            html.Append("</table>\n");
        }

        html.Append("<p><small>Produced by <code>hub audit subject</code>. Times are UTC.</small></p>\n</body></html>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, params string?[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(E(cell ?? "-")).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static void Pair(StringBuilder html, string name, string? value)
    {
        if (value is not null)
        {
            html.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }
    }

    private static string Time(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
