namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>The sub-folders of a drop folder and the names of the files the source writes there.</summary>
public sealed record DropFolderLayout(string Root)
{
    public string Inbox => Path.Combine(Root, "inbox");

    public string Done => Path.Combine(Root, "done");

    public string Quarantine => Path.Combine(Root, "quarantine");

    public string Reports => Path.Combine(Root, "reports");

    public string State => Path.Combine(Root, "state");

    public string Checkpoint(string file) => Path.Combine(State, file + ".checkpoint.json");

    public string Report(string file) => Path.Combine(Reports, file + ".result.json");

    public string Rejected(string file, DropFileFormat format) =>
        Path.Combine(Quarantine, file + (format == DropFileFormat.Csv ? ".rejected.csv" : ".rejected.json"));

    public void Create()
    {
        foreach (var folder in new[] { Inbox, Done, Quarantine, Reports, State })
        {
            Directory.CreateDirectory(folder);
        }
    }
}
