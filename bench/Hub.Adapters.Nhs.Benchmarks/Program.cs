using BenchmarkDotNet.Running;
using Hub.Adapters.Nhs.Benchmarks;
using Hub.Adapters.Nhs.Benchmarks.DropFolder;

if (args is ["--profile"])
{
    await CpuProfile.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(InboundResourceBenchmarks).Assembly).Run(args);
