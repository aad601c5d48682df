namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>A dropped file parsed into rows; <see cref="FileProblem"/> set when it cannot be split into rows at all.</summary>
public sealed record DropFile(DropFileFormat Format, IReadOnlyList<string> Header, IReadOnlyList<DropRow> Rows, string? FileProblem);
