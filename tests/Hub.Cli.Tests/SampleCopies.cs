namespace Hub.Cli.Tests;

/// <summary>Edited copies of the sample agreements in a scratch folder, deleted on dispose.</summary>
internal sealed class SampleCopies : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("agencyhub-rules-").FullName;

    public string Agreements(Func<string, string> edit)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_scratch, Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "agreements"), "*.yaml"))
        {
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), edit(File.ReadAllText(file)));
        }

        return folder;
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
