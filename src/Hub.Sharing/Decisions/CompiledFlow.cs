using System.Collections.Frozen;
using Hub.Sharing.Agreements;

namespace Hub.Sharing.Decisions;

/// <summary>
/// One flow with everything about it that does not depend on the event worked out once, when the agreement set
/// is compiled: the agreement reference, the lawful-basis wording, the permit reason and the field sets. The hot
/// path then only reads.
/// </summary>
internal sealed class CompiledFlow(Agreement agreement, Flow flow)
{
    public Agreement Agreement { get; } = agreement;

    public Flow Flow { get; } = flow;

    public string Reference { get; } = agreement.Reference;

    /// <summary>How every failed check of this flow starts: "DSA-017@2 flow F4: ".</summary>
    public string FailurePrefix { get; } = $"{agreement.Reference} flow {flow.Id}: ";

    /// <summary>The lawful basis as the ledger and the recipient read it.</summary>
    public string Basis { get; } = flow.LawfulBasis.Describe();

    public string BasisWithGateway { get; } = $"{flow.LawfulBasis.Describe()}; gateway {flow.Gateway}";

    /// <summary>The reason an allowed decision gives when the flow permits on its basis alone.</summary>
    public string PermitReason { get; } = PermitReasonFor(agreement.Reference, flow, flow.LawfulBasis.Describe());

    public string PermitReasonOnGateway { get; } = PermitReasonFor(agreement.Reference, flow, $"{flow.LawfulBasis.Describe()}; gateway {flow.Gateway}");

    public FrozenSet<string> Fields { get; } = flow.Fields.ToFrozenSet(StringComparer.Ordinal);

    public FrozenSet<string> Pseudonymise { get; } = flow.Pseudonymise.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The reason for a permit on a consent, whose wording depends on the consent record.</summary>
    public string PermitReasonWithConsent(string consentExplanation) => PermitReasonFor(Reference, Flow, $"{Basis}; {consentExplanation}");

    private static string PermitReasonFor(string reference, Flow flow, string grounds) =>
        $"permitted by {reference} flow {flow.Id} for purpose {flow.Purpose} ({grounds})";
}
