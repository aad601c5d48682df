using System.Text.Json.Serialization;

namespace Hub.LedgerBench;

/// <summary>One run's shape: how many rows, over how many people, and the one person whose report is timed.</summary>
public sealed record BenchSettings(
    long Rows,
    int Subjects,
    int SubjectRows,
    int SealSize,
    int Seed,
    int Runs,
    [property: JsonIgnore] string AdminConnection,
    string? Out,
    string? Markdown);
