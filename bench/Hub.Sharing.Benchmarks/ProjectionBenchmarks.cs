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
/// <see cref="DecisionBenchmarksBase"/>: present fields, one projection, one lawful-basis description (made once per
/// flow walked and once more per allowed decision), the router's serialisation of the event for context, and an
/// experimental projector that skips the parse-and-clone round trip.
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
        var decision = new AgreementDecisionEngine(set).Decide(DecisionBenchmarksBase.Request(SampleRelease.Json, [AgencyCode.Police])).Single();
        _released = decision.ReleasedFields;
        _basis = set.Agreements[0].Flows[0].LawfulBasis;
        if (System.Text.Encoding.UTF8.GetString(Prototype.LeanProjector.ProjectToUtf8(_json, _released)) != PayloadProjector.Project(_json, _released).GetRawText())
        {
            throw new InvalidOperationException("the experimental projector's bytes differ from the shipped projection");
        }
    }

    [Benchmark(Description = "PresentFields (~1 KB event)")]
    public IReadOnlyList<string> PresentFields() => PayloadProjector.PresentFields(_json);

    [Benchmark(Description = "Project to police's released fields")]
    public JsonElement Project() => PayloadProjector.Project(_json, _released);

    [Benchmark(Description = "Experiment: project to UTF-8, no Parse/Clone")]
    public byte[] ProjectToUtf8() => Prototype.LeanProjector.ProjectToUtf8(_json, _released);

    [Benchmark(Description = "LawfulBasis.Describe()")]
    public string DescribeBasis() => _basis.Describe();

    [Benchmark(Description = "SerializeToElement (router, not engine)")]
    public JsonElement Serialize() => JsonSerializer.SerializeToElement(_event, ContractJson.Options);
}
