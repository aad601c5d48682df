namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// A surveyed file: its SHA-256 (null when the file was refused by its length, unread), how many rows it has, and why it
/// cannot be read at all (null when it can).
/// </summary>
public sealed record DropFileSurveyResult(string? Sha256, int Rows, string? Problem);
