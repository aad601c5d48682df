using BenchmarkDotNet.Running;
using Hub.Adapters.Nhs.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(InboundResourceBenchmarks).Assembly).Run(args);
