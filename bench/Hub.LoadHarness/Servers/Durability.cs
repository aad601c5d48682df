namespace Hub.LoadHarness.Servers;

/// <summary>
/// The settings the run measured under, read back from the servers and the processes: figures taken with fsync off or a
/// spinning broker are not production figures, and the report says which they are.
/// </summary>
/// <param name="PostgresFsync"><c>SHOW fsync</c>.</param>
/// <param name="PostgresSynchronousCommit"><c>SHOW synchronous_commit</c>.</param>
/// <param name="PostgresFullPageWrites"><c>SHOW full_page_writes</c>.</param>
/// <param name="BrokerSchedulerBusyWait">From the broker VM's command line.</param>
/// <param name="HubLogLevel">The default log level the router and workers ran with.</param>
public sealed record Durability(string PostgresFsync, string PostgresSynchronousCommit, string PostgresFullPageWrites, string BrokerSchedulerBusyWait, string HubLogLevel)
{
    /// <summary>Commits reach the disk before they are acknowledged, as in production.</summary>
    public bool ProductionDurability => PostgresFsync == "on" && PostgresSynchronousCommit is "on" or "remote_apply" or "remote_write";
}
