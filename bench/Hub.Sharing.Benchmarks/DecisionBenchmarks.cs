using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Projection;

namespace Hub.Sharing.Benchmarks;

/// <summary>
/// Decisions for one event of probation's <c>custody.release.scheduled</c>, against N generated flows loaded
/// through <see cref="AgreementLoader.Load"/> (setup, not measured). One call decides for one recipient (police)
/// or for four (police, jcp, nhs, council); the projection variants also compute the present fields first and
/// project the ~1 KB event for every allowed recipient, as the router does.
/// </summary>
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[Config(typeof(DecisionColumnsConfig))]
public class DecisionBenchmarks
{
    private AgreementDecisionEngine _engine = null!;
    private DecisionRequest _one = null!;
    private DecisionRequest _four = null!;

    [Params(10, 1_000, 10_000)]
    public int Flows { get; set; }

    [Params(Layout.Uniform, Layout.FixedHotKey)]
    public Layout Layout { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var set = AgreementLoader.Load(AgreementGenerator.Files(Flows, Layout), AgreementGenerator.LoadDate);
        var loaded = set.Agreements.Sum(a => a.Flows.Count);
        if (loaded != Flows)
        {
            throw new InvalidOperationException($"generated {Flows} flows but {loaded} loaded");
        }

        _engine = new AgreementDecisionEngine(set);
        _four = Request(SampleRelease.Json, AgreementGenerator.HotRecipients);
        _one = _four with { Candidates = [AgencyCode.Police] };

        // The measured request must hit keys with flows and walk every one of them: each applying permit adds one reason.
        var perKey = AgreementGenerator.FlowsPerHotKey(Flows, Layout);
        foreach (var decision in _engine.Decide(_four))
        {
            if (!decision.IsAllowed || decision.Reasons.Count != perKey || decision.ReleasedFields.Count == 0)
            {
                throw new InvalidOperationException($"{decision.Recipient}: expected an allowed decision citing {perKey} flows, got {decision.Outcome} with {decision.Reasons.Count} reasons");
            }
        }
    }

    [Benchmark(Description = "Decide, 1 recipient")]
    [DecisionsPerCall(1)]
    public IReadOnlyList<Decision> Decide_OneRecipient() => _engine.Decide(_one);

    [Benchmark(Description = "Decide, 4 recipients")]
    [DecisionsPerCall(4)]
    public IReadOnlyList<Decision> Decide_FourRecipients() => _engine.Decide(_four);

    [Benchmark(Description = "PresentFields+Decide+Project, 1 recipient")]
    [DecisionsPerCall(1)]
    public int DecideAndProject_OneRecipient() => DecideAndProject(_one);

    [Benchmark(Description = "PresentFields+Decide+Project, 4 recipients")]
    [DecisionsPerCall(4)]
    public int DecideAndProject_FourRecipients() => DecideAndProject(_four);

    internal static DecisionRequest Request(JsonElement json, IReadOnlyList<AgencyCode> candidates) => new()
    {
        Source = AgreementGenerator.HotSource,
        EventType = AgreementGenerator.HotEventType,
        Classification = SampleRelease.Event.Envelope.Classification,
        Consent = SampleRelease.Event.Envelope.Consent,
        Event = json,
        PresentFields = PayloadProjector.PresentFields(json),
        Candidates = candidates,
        DecisionTime = SampleRelease.DecisionTime,
    };

    private int DecideAndProject(DecisionRequest template)
    {
        var json = template.Event;
        var request = template with { PresentFields = PayloadProjector.PresentFields(json) };
        var projected = 0;
        foreach (var decision in _engine.Decide(request))
        {
            if (decision.IsAllowed)
            {
                var payload = PayloadProjector.Project(json, decision.ReleasedFields, decision.PseudonymisedFields, static (field, value) => field + value);
                projected += payload.ValueKind == JsonValueKind.Object ? 1 : 0;
            }
        }

        return projected;
    }
}
