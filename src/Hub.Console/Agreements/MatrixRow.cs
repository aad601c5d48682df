namespace Hub.WebConsole.Agreements;

/// <summary>One event type of a source, with a cell per candidate recipient (in the order of its <see cref="SourceMatrix"/>).</summary>
public sealed record MatrixRow(string EventType, IReadOnlyList<MatrixCell> Cells);
