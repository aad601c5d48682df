using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Hub.Sharing.Agreements;
using Hub.Sharing.PropertyTests.Model;
using Xunit.Abstractions;

namespace Hub.Sharing.PropertyTests;

/// <summary>
/// The generators are only useful if most of what they make is a valid agreement set and if the cases reach
/// every rule the properties check. This samples them, prints the discard ratio and coverage, and holds them to it.
/// </summary>
public partial class GeneratorTests(ITestOutputHelper output)
{
    private const int Samples = 1500;

    [Fact]
    public void When_sampling_cases_should_mostly_be_valid_and_reach_every_rule()
    {
        var stats = Sample(CaseGenerators.Cases());

        stats.ValidRatio.ShouldBeGreaterThanOrEqualTo(0.85, "at least 85% of generated agreement sets should lint clean");
        stats.ValidRatio.ShouldBeLessThan(1.0, "a few invalid sets are generated on purpose, so that discarding is exercised");
        stats.Share(c => c.Candidates.Any(r => c.AllFlows().Any(x => c.PermitApplies(x.Agreement, x.Flow, r)))).ShouldBeGreaterThan(0.2);
        stats.Share(c => c.Candidates.Any(r => c.AllFlows().Any(x => c.ForbidApplies(x.Agreement, x.Flow, r)) && c.AllFlows().Any(x => c.PermitApplies(x.Agreement, x.Flow, r)))).ShouldBeGreaterThan(0.04);
        stats.Share(c => c.Agreements.Where(a => !c.InForce(a)).SelectMany(a => a.Flows).Any(f => f.IsPermit && c.Candidates.Any(r => f.Names(c.Event.Source, c.Event.EventType, r)))).ShouldBeGreaterThan(0.2);
        stats.Share(c => c.AllFlows().Any(x => x.Flow.Conditions.Count > 0 && c.InForce(x.Agreement) && c.Candidates.Any(r => x.Flow.Names(c.Event.Source, c.Event.EventType, r)))).ShouldBeGreaterThan(0.1);
        stats.Share(c => c.Event.Junk).ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public void When_sampling_consent_cases_should_allow_under_consent_often_enough()
    {
        var stats = Sample(CaseGenerators.ConsentCases());

        stats.ValidRatio.ShouldBeGreaterThanOrEqualTo(0.85);
        stats.Share(c => c.Candidates.Any(r => c.AllFlows().Any(x => c.PermitApplies(x.Agreement, x.Flow, r)))).ShouldBeGreaterThan(0.07);
        stats.Share(c => c.Candidates.Any(r => c.AllFlows().Any(x => x.Flow.IsPermit && c.InForce(x.Agreement) && x.Flow.Names(c.Event.Source, c.Event.EventType, r) && x.Flow.ConditionsHold(c.Event)))).ShouldBeGreaterThan(0.3);
    }

    private Stats Sample(Gen<CaseModel> gen)
    {
        var cases = gen.Sample(Samples);
        var valid = new List<CaseModel>();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var lint = AgreementLoader.Lint(c.Files(), CaseModel.LoadDay);
            if (!lint.HasErrors)
            {
                valid.Add(c);
                continue;
            }

            foreach (var reason in lint.Diagnostics.Where(d => d.IsError).Select(d => Generalise(d.Message)).Distinct())
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }

        var stats = new Stats(cases.Length, valid);
        output.WriteLine($"{valid.Count} of {cases.Length} generated cases lint clean; {cases.Length - valid.Count} discarded ({1 - stats.ValidRatio:P1}). Errors seen in discarded cases:");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"  {count,5} x {reason}");
        }

        return stats;
    }

    private static string Generalise(string message) => AgreementRef().Replace(Quoted().Replace(message, "'…'"), "DSA-…");

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"DSA-G\d+(@\d+)?( flow F\d+)?")]
    private static partial Regex AgreementRef();

    private sealed record Stats(int Total, IReadOnlyList<CaseModel> Valid)
    {
        public double ValidRatio => (double)Valid.Count / Total;

        public double Share(Func<CaseModel, bool> predicate) => (double)Valid.Count(predicate) / Valid.Count;
    }
}
