using Hub.Contracts.Agencies;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;

namespace Hub.Sharing.Cases;

/// <summary>Decides a case exactly as the router would and compares the result with the expectations, recipient by recipient.</summary>
public static class CaseRunner
{
    public static CaseOutcome Run(IDecisionEngine engine, ShareCase shareCase, IReadOnlyList<AgencyCode> agencies)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(shareCase);
        var request = ShareRequests.Build(shareCase.Source, shareCase.Event, agencies, shareCase.At, new ConsentSnapshot(shareCase.Consents));
        var decisions = engine.Decide(request);
        var differences = new List<string>();
        foreach (var (recipient, expected) in shareCase.Expect.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            var decision = decisions.FirstOrDefault(d => d.Recipient == recipient);
            if (decision is null)
            {
                differences.Add($"{recipient}: not a candidate recipient (it is the source, or not a configured agency)");
                continue;
            }

            if (decision.IsAllowed != expected.Allow)
            {
                differences.Add($"{recipient}: expected {(expected.Allow ? "allow" : "deny")}, got {(decision.IsAllowed ? "allow" : "deny")}: {string.Join("; ", decision.Reasons)}");
                continue;
            }

            if (expected.Fields is { } fields)
            {
                var missing = fields.Except(decision.ReleasedFields, StringComparer.Ordinal).ToList();
                var unexpected = decision.ReleasedFields.Except(fields, StringComparer.Ordinal).ToList();
                if (missing.Count + unexpected.Count > 0)
                {
                    differences.Add($"{recipient}: released fields differ: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}]");
                }
            }

            if (expected.ReasonContains is { } phrase && !decision.Reasons.Any(r => r.Contains(phrase, StringComparison.OrdinalIgnoreCase)))
            {
                differences.Add($"{recipient}: expected a reason mentioning '{phrase}', got: {string.Join("; ", decision.Reasons)}");
            }
        }

        return new CaseOutcome(shareCase, decisions, differences);
    }
}
