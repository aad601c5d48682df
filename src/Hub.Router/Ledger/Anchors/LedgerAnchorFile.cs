namespace Hub.Router.Ledger.Anchors;

/// <summary>Reads an anchor file (JSON lines). A line that is not an anchor is an error naming its line number.</summary>
public static class LedgerAnchorFile
{
    public static async Task<(IReadOnlyList<LedgerAnchor> Anchors, string? Error)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var anchors = new List<LedgerAnchor>();
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (LedgerAnchorJson.Parse(line) is not { } anchor)
            {
                return (anchors, $"line {number} of the anchor file is not an anchor");
            }

            anchors.Add(anchor);
        }

        return (anchors, null);
    }
}
