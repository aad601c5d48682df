using System.Text.Json;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>
/// One row of a dropped file in the agency's own shape: a JSON object (for CSV, the header names mapped to the
/// cell strings). <paramref name="Row"/> counts data rows from 1 (a CSV header is not a row).
/// </summary>
public sealed record DropFolderRecord(string File, int Row, JsonElement Fields);
