using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Hub.Sharing.Agreements;
using Hub.Sharing.Benchmarks;

if (args is ["--describe"])
{
    // The facts behind the benchmark: what is loaded for each N and how many flows the measured keys hold.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event: custody.release.scheduled, {SampleRelease.JsonBytes} bytes of contract JSON, {Hub.Sharing.Projection.PayloadProjector.PresentFields(SampleRelease.Json).Count} present fields"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keys: {AgreementGenerator.Keys.Count} (source, event type, recipient); measured: probation {AgreementGenerator.HotEventType} -> {string.Join(", ", AgreementGenerator.HotRecipients)}"));
    foreach (var layout in Enum.GetValues<Layout>())
    {
        foreach (var flows in new[] { 10, 1_000, 10_000 })
        {
            var files = AgreementGenerator.Files(flows, layout);
            var clock = Stopwatch.StartNew();
            var set = AgreementLoader.Load(files, AgreementGenerator.LoadDate);
            var load = clock.Elapsed;
            clock.Restart();
            _ = new Hub.Sharing.Decisions.AgreementDecisionEngine(set);
            var compile = clock.Elapsed;
            var keys = set.Agreements.SelectMany(a => a.Flows).Select(f => (f.Source, f.EventTypes[0], f.Recipients[0])).Distinct().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{layout,-11} N={flows,6}: {set.Agreements.Count,5} agreements, {set.Agreements.Sum(a => a.Flows.Count),6} flows over {keys,3} keys, {AgreementGenerator.FlowsPerHotKey(flows, layout),2} flows on each measured key, {files.Sum(f => f.Text.Length) / 1024,5} KiB YAML, load {load.TotalMilliseconds,7:F0} ms, index {compile.TotalMilliseconds,5:F0} ms"));
        }
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DecisionBenchmarks).Assembly).Run(args);
