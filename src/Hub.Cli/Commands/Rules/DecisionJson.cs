using Hub.Sharing.Decisions;

namespace Hub.Cli.Commands.Rules;

/// <summary>One recipient's decision in the <c>hub rules</c> JSON documents: outcome, grounds, fields and reasons (docs/cli-json.md).</summary>
internal static class DecisionJson
{
    public static object Of(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new
        {
            recipient = decision.Recipient.Value,
            decision = Word(decision.IsAllowed),
            agreementId = decision.AgreementId,
            agreementVersion = decision.AgreementVersion,
            flowId = decision.FlowId,
            purpose = decision.Purpose,
            lawfulBasis = decision.LawfulBasis,
            footing = decision.Footing,
            releasedFields = decision.ReleasedFields,
            withheldFields = decision.WithheldFields,
            pseudonymisedFields = decision.PseudonymisedFields,
            reasonCode = decision.ReasonCode,
            reasons = decision.Reasons,
        };
    }

    /// <summary>"allow" or "deny", as case files write an expectation.</summary>
    public static string Word(bool allowed) => allowed ? "allow" : "deny";
}
