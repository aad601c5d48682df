using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;

namespace Hub.Sharing.Benchmarks.Prototype;

/// <summary>The same benchmarks against <see cref="LeanDecisionEngine"/>, after proving it decides as the shipped engine does.</summary>
public class PrototypeDecisionBenchmarks : DecisionBenchmarksBase
{
    protected override IDecisionEngine CreateEngine(AgreementSet agreements)
    {
        PrototypeCheck.SameDecisions(agreements);
        return new LeanDecisionEngine(agreements);
    }
}
