namespace Hub.LoadHarness.Servers;

/// <summary>
/// The fault commands the server scripts export, each a shell command line (null when the servers in use have none):
/// the cluster script and its state folder (<c>kill-node</c>, <c>restart-node</c>, <c>leader</c>), the Postgres pair's
/// script and state folder (<c>kill-primary</c>, <c>promote</c>), and the single Postgres server's restart.
/// </summary>
public sealed record ServerFaults(string? Cluster, string? ClusterState, string? PostgresPair, string? PostgresPairState, string? PostgresRestart);
