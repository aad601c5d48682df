namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>A row set aside, with reasons that name fields, never values.</summary>
public sealed record QuarantinedRow(int Row, IReadOnlyList<string> Reasons);
