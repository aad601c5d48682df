using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>One recipient's decision as an IG lead reads it: outcome, grounds, fields released and withheld, and why.</summary>
internal static class DecisionPrinter
{
    public static void Write(TextWriter output, Decision decision, string indent = "  ")
    {
        var grounds = decision.IsAllowed ? $"{decision.AgreementId}@{decision.AgreementVersion} flow {decision.FlowId}, purpose {decision.Purpose}" : string.Empty;
        output.WriteLine($"{indent}{(decision.IsAllowed ? "ALLOW" : "DENY "),-6}{decision.Recipient,-10}{grounds}");
        if (decision.IsAllowed)
        {
            output.WriteLine($"{indent}      released: {Fields(decision.ReleasedFields)}{(decision.PseudonymisedFields.Count > 0 ? $" (pseudonymised: {Fields(decision.PseudonymisedFields)})" : string.Empty)}");
            output.WriteLine($"{indent}      withheld: {Fields(decision.WithheldFields)}");
            output.WriteLine($"{indent}      basis:    {decision.LawfulBasis}");
        }

        foreach (var reason in decision.Reasons)
        {
            output.WriteLine($"{indent}      why:      {reason}");
        }
    }

    private static string Fields(IReadOnlyList<string> fields) => fields.Count == 0 ? "nothing" : string.Join(", ", fields);
}
