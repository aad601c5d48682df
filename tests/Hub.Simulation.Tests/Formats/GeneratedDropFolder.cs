using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Simulation.Output;
using Hub.Simulation.Running;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Formats;

/// <summary>Four simulated weeks written into a temporary drop root, then read back with the SDK's own reader.</summary>
public sealed class GeneratedDropFolder : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "agencyhub-sim-" + Guid.NewGuid().ToString("N")[..8]);

    public SimulationTimeline Timeline { get; } = SimulationTimeline.Generate(new SimulationSettings { Start = new DateOnly(2026, 11, 2), Days = 28, Seed = 3 });

    public SimulationSummary? Summary { get; private set; }

    public async Task InitializeAsync()
    {
        var runner = new SimulationRunner(new DropFolderTarget(Root), TimeProvider.System);
        Summary = await runner.RunAsync(Timeline, TimeSpan.FromHours(1), speedup: 1e9, written: null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> Files(string agency, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Root, agency, "inbox"), pattern).Order(StringComparer.Ordinal)];

    /// <summary>Every row of every matching file as the drop-folder source reads it, with the file's name.</summary>
    public IReadOnlyList<(string File, DropFile Content, DropRow Row)> Rows(string agency, string pattern)
    {
        var rows = new List<(string, DropFile, DropRow)>();
        foreach (var path in Files(agency, pattern))
        {
            DropFileReader.TryFormatOf(path, out var format).ShouldBeTrue();
            var file = DropFileReader.Read(format, File.ReadAllBytes(path));
            file.FileProblem.ShouldBeNull();
            rows.AddRange(file.Rows.Select(r => (Path.GetFileName(path), file, r)));
        }

        return rows;
    }
}
