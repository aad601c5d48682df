using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.PropertyTests.Model;

namespace Hub.Sharing.PropertyTests;

/// <summary>
/// Per-agreement isolation (ADR 0017) over generated sets: the first generated agreement is taken out and added back
/// either broken (every <see cref="AgreementFault"/>) or lapsed (active, expired before the decision); the other
/// agreements must decide exactly as they do without it, and a lapsed agreement alone permits nothing.
/// </summary>
public class IsolationProperties
{
    private const int Runs = 500;
    private const string ExtraFile = "zz-extra.yaml";

    /// <summary>Linted on the decision's date, after every lapsed agreement's expiry, so the expiry warning is exercised.</summary>
    private static readonly DateOnly LintDay = CaseModel.BaseDay;

    [Property(MaxTest = Runs, MaxRejected = Runs / 4)]
    public Property When_an_invalid_agreement_is_added_should_refuse_only_it_and_change_no_decision() =>
        Prop.ForAll(CaseGenerators.Arbitrary(CaseGenerators.Cases()), Arb.From(Gen.Elements(Enum.GetValues<AgreementFault>())), (c, fault) =>
        {
            if (c.Agreements.Count == 0)
            {
                return Prop.When(false, () => { });
            }

            var (others, extra) = Split(c);
            var before = Load(others.Files());
            return Prop.When(before is not null, () =>
            {
                var lint = AgreementLoader.Lint([.. others.Files(), (ExtraFile, fault.Apply(extra.ToYaml()))], LintDay);
                Verify.That(lint.Set is not null && lint.Refused.SequenceEqual([ExtraFile]), c, [], () => $"with a {fault} agreement added the set is {(lint.Set is null ? "refused whole" : $"loaded without [{string.Join(", ", lint.Refused)}]")}");
                Verify.That(lint.Diagnostics.Where(d => d.IsError).All(d => d.File == ExtraFile && d.Line >= 1), c, [], () => $"errors outside {ExtraFile} or unlocated: {string.Join("; ", lint.Diagnostics.Where(d => d.IsError))}");
                SameDecisions(others, before!.Decide(others), lint.Set!.Decide(others), $"a {fault} {extra.Id}", compareReasons: true);
            }).Classify(WouldPermit(c, extra), "the broken agreement would permit a candidate if loaded");
        });

    [Property(MaxTest = Runs, MaxRejected = Runs / 4)]
    public Property When_a_lapsed_agreement_is_added_should_warn_at_its_expiry_permit_nothing_and_change_no_decision() =>
        Prop.ForAll(CaseGenerators.Arbitrary(CaseGenerators.Cases()), c =>
        {
            if (c.Agreements.Count == 0)
            {
                return Prop.When(false, () => { });
            }

            var (others, extra) = Split(c);
            var lapsed = extra with { Status = "active", EffectiveDay = -30, ReviewDay = null, ExpiresDay = -2 };
            var before = Load(others.Files());
            var alone = Load([(ExtraFile, lapsed.ToYaml())]);
            return Prop.When(before is not null && alone is not null, () =>
            {
                var with = c with { Agreements = [.. others.Agreements, lapsed] };
                var lint = AgreementLoader.Lint([.. others.Files(), (ExtraFile, lapsed.ToYaml())], LintDay);
                Verify.That(lint is { HasErrors: false, Set: not null }, c, [], () => $"adding lapsed {lapsed.Id} made the set fail: {string.Join("; ", lint.Diagnostics)}");
                Verify.That(lint.Diagnostics.Any(d => d is { IsError: false, File: ExtraFile, Line: 6, Column: 10 } && d.Message.Contains("expired", StringComparison.Ordinal)), c, [], () => $"no expiry warning at {ExtraFile}:6:10 (its expires line): {string.Join("; ", lint.Diagnostics)}");
                var decided = lint.Set!.Decide(with);
                // A denial may name the lapsed agreement as the candidate it evaluated (only when nothing in force could apply); it never allows or forbids.
                Verify.That(decided.All(d => d.AgreementId != lapsed.Id || d.ReasonCode == DecisionReasonCodes.ChecksFailed), c, decided, () => $"lapsed {lapsed.Id} decided a share");
                var lapsedAlone = alone!.Decide(with);
                Verify.That(lapsedAlone.All(d => !d.IsAllowed && d.ReleasedFields.Count == 0), c, lapsedAlone, () => $"lapsed {lapsed.Id} alone permits a share");
                SameDecisions(others, before!.Decide(others), decided, $"lapsed {lapsed.Id}", compareReasons: false, lapsedId: lapsed.Id);
            }).Classify(WouldPermit(c, extra with { Status = "active", ExpiresDay = null, EffectiveDay = -30 }), "the agreement would permit a candidate were it in force");
        });

    /// <summary>The case without its first agreement (the same event, consents, candidates and time), and that agreement.</summary>
    private static (CaseModel Others, AgreementModel Extra) Split(CaseModel c) => (c with { Agreements = [.. c.Agreements.Skip(1)] }, c.Agreements[0]);

    private static AgreementSet? Load(IReadOnlyList<(string Name, string Text)> files) =>
        AgreementLoader.Lint(files, LintDay) is { HasErrors: false, Set: { } set } ? set : null;

    private static bool WouldPermit(CaseModel c, AgreementModel a) =>
        c.Candidates.Any(r => a.Flows.Any(f => c.PermitApplies(a, f, r)));

    /// <summary>
    /// A denial no in-force agreement could have decided may name the lapsed agreement as the candidate it evaluated
    /// (ADR 0019): both denials failed checks, and only the named candidate differs.
    /// </summary>
    private static bool NamesLapsedCandidate(Decision without, Decision with, string? lapsedId) =>
        lapsedId is not null && with.AgreementId == lapsedId
        && without.ReasonCode is DecisionReasonCodes.ChecksFailed or DecisionReasonCodes.NoFlow && with.ReasonCode == DecisionReasonCodes.ChecksFailed;

    /// <summary>Outcome, deciding agreement and flow, fields and obligations per candidate; the reasons too unless a lapsed flow may add its own.</summary>
    private static void SameDecisions(CaseModel c, IReadOnlyList<Decision> without, IReadOnlyList<Decision> with, string added, bool compareReasons, string? lapsedId = null)
    {
        for (var i = 0; i < without.Count; i++)
        {
            var (a, b) = (without[i], with[i]);
            Verify.That(
                a.Outcome == b.Outcome && (a.AgreementId == b.AgreementId && a.FlowId == b.FlowId || NamesLapsedCandidate(a, b, lapsedId))
                && a.ReleasedFields.SequenceEqual(b.ReleasedFields) && a.PseudonymisedFields.SequenceEqual(b.PseudonymisedFields)
                && a.Obligations == b.Obligations && (!compareReasons || a.Reasons.SequenceEqual(b.Reasons)),
                c,
                without,
                () => $"adding {added} changed the decision for {a.Recipient} to{Environment.NewLine}  {b.Show()}");
        }
    }
}
