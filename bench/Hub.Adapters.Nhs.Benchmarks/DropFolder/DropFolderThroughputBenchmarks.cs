using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hub.Adapters.Core.Sources.DropFolder;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>
/// The NHS drop folder end to end, broker excepted: one <see cref="NhsDropFile.Rows"/>-row NDJSON file through
/// <see cref="DropFileProcessor.ProcessAsync"/> (survey with SHA-256, parse, base R4 validation, map, envelope checks,
/// publish to MassTransit's in-memory transport, checkpoints, quarantine file, report, move to done/), with rows mapped
/// one at a time on the reading loop (<see cref="DropFolderOptions.PrepareParallelism"/> 1, as before) or ahead on every
/// core. Mean is per row (<c>OperationsPerInvoke</c>), so Op/s is resources/s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 6)]
[GcServer(true)]
[GcConcurrent(false)] // the NHS adapter's own GC settings (Hub.Adapters.Nhs.csproj)
[Config(typeof(ThroughputColumnsConfig))]
public class DropFolderThroughputBenchmarks
{
    private const string FileName = "mixed.ndjson";

    private NhsDropFolderHost? _host;
    private string _content = string.Empty;

    [ParamsSource(nameof(Parallelisms))]
    public int PrepareParallelism { get; set; }

    [ParamsAllValues]
    public DropFileMix Mix { get; set; }

    public static IEnumerable<int> Parallelisms => new[] { 1, Environment.ProcessorCount }.Distinct();

    [GlobalSetup]
    public void Setup()
    {
        _content = NhsDropFile.Content(Mix);
        _host = NhsDropFolderHost.StartAsync(PrepareParallelism).GetAwaiter().GetResult();

        // Loading the specification (seconds) and compiling each type's schemas on each pooled validator happen once
        // per process: setup, not per row. One whole run of the file does both.
        _host.DropAsync(FileName, _content).GetAwaiter().GetResult();
        var report = _host.Processor.ProcessAsync(FileName, CancellationToken.None).GetAwaiter().GetResult();
        if (report.Rows != NhsDropFile.Rows || report.Published == 0)
        {
            throw new InvalidOperationException($"The setup run read {report.Rows} rows and published {report.Published}.");
        }

        MixOutcome.Print(Mix, report);
    }

    [IterationSetup]
    public void Drop() => _host!.DropAsync(FileName, _content).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = NhsDropFile.Rows, Description = "Drop file, per row")]
    public async Task<DropFileReport> ProcessFile() => await _host!.Processor.ProcessAsync(FileName, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup() => _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
