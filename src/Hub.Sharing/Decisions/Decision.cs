using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;

namespace Hub.Sharing.Decisions;

/// <summary>The outcome for one candidate recipient, with everything the ledger and the recipient need.</summary>
public sealed record Decision
{
    public required AgencyCode Recipient { get; init; }

    public required DecisionOutcome Outcome { get; init; }

    /// <summary>
    /// The agreement and flow that decided: the permitting flow, or the forbidding one, or for a denial whose flows all
    /// failed a check the candidate flow evaluated (the first permitting flow in agreement order); null only when no
    /// agreement has a flow for the share. A non-null agreement does not mean allowed: read <see cref="IsAllowed"/>.
    /// </summary>
    public string? AgreementId { get; init; }

    public int? AgreementVersion { get; init; }

    public string? FlowId { get; init; }

    public string? Purpose { get; init; }

    public string? LawfulBasis { get; init; }

    /// <summary>What the disclosure relied on: consent when some released field left only under a consent, else gateway or the flows' basis; <see cref="DecisionFooting.None"/> for a denial.</summary>
    public DecisionFooting Footing { get; init; }

    public IReadOnlyList<string> ReleasedFields { get; init; } = [];

    public IReadOnlyList<string> WithheldFields { get; init; } = [];

    /// <summary>Released fields the recipient receives as a keyed pseudonym, not the value.</summary>
    public IReadOnlyList<string> PseudonymisedFields { get; init; } = [];

    public Obligations Obligations { get; init; } = Obligations.None;

    /// <summary>Small-number disclosure control: counts from 1 to this - 1 leave as null; null when no permit suppresses.</summary>
    public int? SuppressCountsBelow { get; init; }

    /// <summary>Paths (never values) of the counts <see cref="SuppressCountsBelow"/> suppresses in this event's released fields.</summary>
    public IReadOnlyList<string> SuppressedValues { get; init; } = [];

    /// <summary>Plain-language reasons citing agreement@version and flow: what permitted, or every check that failed. Never personal data.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>One of <see cref="DecisionReasonCodes"/>: a bounded code for counting, beside the worded reasons.</summary>
    public required string ReasonCode { get; init; }

    public bool IsAllowed => Outcome == DecisionOutcome.Allowed;
}
