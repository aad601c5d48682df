namespace Hub.LoadHarness.Report;

/// <summary>At one offered rate: the hub's paced p50 and p99 over the relay's, through HTTP ingest and through the drop folder.</summary>
public sealed record PacedRatio(double Rate, double? HttpP50, double? HttpP99, double? DropFolderP50, double? DropFolderP99);
