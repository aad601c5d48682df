using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;

namespace Hub.Sharing.Agreements;

/// <summary>One clause of an agreement: who may send which events to whom, why, on what basis, and which fields.</summary>
public sealed record Flow
{
    public required string Id { get; init; }

    public required FlowEffect Effect { get; init; }

    public required AgencyCode Source { get; init; }

    public required IReadOnlyList<string> EventTypes { get; init; }

    public required IReadOnlyList<AgencyCode> Recipients { get; init; }

    public required string Purpose { get; init; }

    public required LawfulBasis LawfulBasis { get; init; }

    /// <summary>The statutory gateway the flow relies on, if any (see <see cref="Vocabulary.Gateways"/>).</summary>
    public string? Gateway { get; init; }

    public ConsentRequirement Consent { get; init; } = ConsentRequirement.NotRequired;

    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>All must hold for the flow to apply.</summary>
    public IReadOnlyList<FieldCondition> Conditions { get; init; } = [];

    /// <summary>Released fields the recipient gets as a keyed pseudonym rather than the value.</summary>
    public IReadOnlyList<string> Pseudonymise { get; init; } = [];

    public required Obligations Obligations { get; init; }

    /// <summary>Small-number disclosure control, for flows of aggregate events only; null when the flow has none.</summary>
    public SmallNumberRule? SmallNumbers { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.Unknown;
}
