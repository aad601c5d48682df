using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Router.Ledger.Anchors;

/// <summary>The anchor's JSON form: one object per line in a file, an array in a webhook body.</summary>
public static class LedgerAnchorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static string Line(LedgerAnchor anchor) => JsonSerializer.Serialize(anchor, Options);

    /// <summary>Reads one line; null when it is not an anchor (the caller reports where).</summary>
    public static LedgerAnchor? Parse(string line)
    {
        try
        {
            var anchor = JsonSerializer.Deserialize<LedgerAnchor>(line, Options);
            return anchor is { ChainHash: not null, KeyId: not null, Signature: not null } ? anchor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
