using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Nhs.Fhir;
using Hub.Adapters.Nhs.Fhir.Validation;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Nhs.Benchmarks.DropFolder;

/// <summary>
/// <c>--profile</c>: where a drop file's time goes, as CPU time per row (user + system, all threads of this process),
/// which another process's load on the machine changes far less than wall time. Each stage runs over the same rows
/// as <see cref="DropFolderThroughputBenchmarks"/>, after a warm-up pass: parse; parse and validate; the whole
/// preparation (parse, validate, map, envelope checks); then the whole drop file one row at a time and on every core.
/// </summary>
internal static class CpuProfile
{
    private const int Passes = 3;

    public static async Task RunAsync()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, {NhsDropFile.Rows} rows a file, {Passes} passes a stage"));
        Console.WriteLine("| mix | stage | CPU µs/row | wall µs/row | rows/s (wall) | CPU use (cores) | GC pause % of wall | allocated KB/row |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var mix in Enum.GetValues<DropFileMix>())
        {
            var content = NhsDropFile.Content(mix);
            var rows = DropFileReader.Read(DropFileFormat.Ndjson, Encoding.UTF8.GetBytes(content)).Rows.Where(r => r.Fields is not null).ToList();
            await using var one = await NhsDropFolderHost.StartAsync(1);
            var submitter = one.Get<RecordSubmitter>();
            var mapper = one.Get<IRecordMapper<DropFolderRecord>>();
            var context = new RecordContext(AgencyCode.Nhs, Guid.NewGuid(), "profile");

            Measure(mix, "parse", rows.Count, () => rows.ForEach(r => FhirResourceReader.Read<Hl7.Fhir.Model.Resource>(r.Fields!.Value)));
            Measure(mix, "parse + validate", rows.Count, () => rows.ForEach(r =>
            {
                if (FhirResourceReader.Read<Hl7.Fhir.Model.Resource>(r.Fields!.Value).Value is { } resource)
                {
                    FhirR4Validator.Unlogged.Validate(resource);
                }
            }));
            Measure(mix, "prepare (parse, validate, map, envelope)", rows.Count, () => rows.ForEach(r => submitter.Prepare(mapper, new DropFolderRecord("mixed.ndjson", r.Row, r.Fields!.Value), context)));
            await FileAsync(mix, one, content, "drop file, PrepareParallelism 1");
            await using var all = await NhsDropFolderHost.StartAsync(Environment.ProcessorCount);
            await FileAsync(mix, all, content, $"drop file, PrepareParallelism {Environment.ProcessorCount}");
        }
    }

    private static async Task FileAsync(DropFileMix mix, NhsDropFolderHost host, string content, string stage)
    {
        await host.DropAsync("mixed.ndjson", content);
        await host.Processor.ProcessAsync("mixed.ndjson", CancellationToken.None);
        await MeasureAsync(mix, stage, NhsDropFile.Rows, async () =>
        {
            await host.DropAsync("mixed.ndjson", content);
            await host.Processor.ProcessAsync("mixed.ndjson", CancellationToken.None);
        });
    }

    private static void Measure(DropFileMix mix, string stage, int rows, Action pass)
    {
        pass();
        MeasureAsync(mix, stage, rows, () =>
        {
            pass();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    private static async Task MeasureAsync(DropFileMix mix, string stage, int rows, Func<Task> pass)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var (cpu, pause, allocated) = (process.TotalProcessorTime, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < Passes; i++)
        {
            await pass();
        }

        wall.Stop();
        process.Refresh();
        var n = (double)rows * Passes;
        var cpuUs = (process.TotalProcessorTime - cpu).TotalMicroseconds / n;
        var wallUs = wall.Elapsed.TotalMicroseconds / n;
        var gc = (GC.GetTotalPauseDuration() - pause) / wall.Elapsed * 100;
        var kb = (GC.GetTotalAllocatedBytes() - allocated) / n / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mix} | {stage} | {cpuUs:N0} | {wallUs:N0} | {1e6 / wallUs:N0} | {cpuUs / wallUs:N2} | {gc:N1} | {kb:N0} |"));
    }
}
