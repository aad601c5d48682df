using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Projection;

namespace Hub.Sharing.Benchmarks;

/// <summary>
/// The pieces of one decision-plus-projection on their own (independent of N), to attribute the time of
/// <see cref="DecisionBenchmarks"/>: present fields, one projection, one lawful-basis description (now made once per
/// flow when the set is compiled), and the router's serialisation of the event for context.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ProjectionBenchmarks
{
    private readonly JsonElement _json = SampleRelease.Json;
    private readonly Hub.Contracts.Custody.V1.ReleaseScheduled _event = SampleRelease.Event;
    private IReadOnlyList<string> _released = [];
    private LawfulBasis _basis = LawfulBasis.None;

    [GlobalSetup]
    public void Setup()
    {
        var set = AgreementLoader.Load(AgreementGenerator.Files(10, Layout.Uniform), AgreementGenerator.LoadDate);
        var decision = new AgreementDecisionEngine(set).Decide(DecisionBenchmarks.Request(SampleRelease.Json, [AgencyCode.Police])).Single();
        _released = decision.ReleasedFields;
        _basis = set.Agreements[0].Flows[0].LawfulBasis;
    }

    [Benchmark(Description = "PresentFields (~1 KB event)")]
    public IReadOnlyList<string> PresentFields() => PayloadProjector.PresentFields(_json);

    [Benchmark(Description = "Project to police's released fields")]
    public JsonElement Project() => PayloadProjector.Project(_json, _released);

    [Benchmark(Description = "LawfulBasis.Describe()")]
    public string DescribeBasis() => _basis.Describe();

    [Benchmark(Description = "SerializeToElement (router, not engine)")]
    public JsonElement Serialize() => JsonSerializer.SerializeToElement(_event, ContractJson.Options);
}
