using System.Text.Json;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>A row as read from the file: its fields, or why it could not be read; and its raw text for quarantine.</summary>
public sealed record DropRow(int Row, JsonElement? Fields, string? ReadProblem, IReadOnlyList<string>? Cells, string? RawJson);
