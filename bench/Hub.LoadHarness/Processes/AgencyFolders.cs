using Hub.Contracts.Agencies;

namespace Hub.LoadHarness.Processes;

/// <summary>One worker's folders under the run's work root: drop-folder source, drop-folder sink, SQLite dedupe.</summary>
public sealed record AgencyFolders(AgencyCode Agency, string Source, string Sink, string Dedupe)
{
    public static AgencyFolders Under(string root, AgencyCode agency)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, agency.Value)).FullName;
        return new AgencyFolders(agency, Path.Combine(folder, "drop"), Path.Combine(folder, "outbox"), Path.Combine(folder, "handled-deliveries.db"));
    }
}
