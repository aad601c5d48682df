using System.Text.Json;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>
/// One change row: its id, its record kind, and every column except the transaction id as a JSON object with the
/// columns' own (snake_case) names.
/// </summary>
public sealed record ChangeTableRecord(string Table, long ChangeId, string? Kind, JsonElement Fields);
