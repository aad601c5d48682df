using System.Text.Json;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>A row read from the change table, with its position in poll order.</summary>
public sealed record ChangeRow(ulong TransactionId, long ChangeId, string? Kind, JsonElement Fields)
{
    public ChangeWatermark Position => new(TransactionId, ChangeId);
}
