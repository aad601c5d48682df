using Hub.Contracts.Agencies;

namespace Hub.WebConsole.Agreements;

/// <summary>The matrix of one source: its event types down, every other participant across.</summary>
public sealed record SourceMatrix(AgencyCode Source, IReadOnlyList<AgencyCode> Recipients, IReadOnlyList<MatrixRow> Rows);
