using Hub.Simulation.Population;

namespace Hub.Simulation.Timeline;

/// <summary>One consents-list row: an opt-in given (purposes, recipients or agreement, evidence) or its withdrawal.</summary>
public sealed record ConsentEntry : ISimulatedRecord
{
    public required string ConsentId { get; init; }

    public required bool Withdrawal { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required SyntheticPerson Person { get; init; }

    public IReadOnlyList<string> Purposes { get; init; } = [];

    /// <summary>Agency codes; empty when <see cref="AgreementId"/> names every party instead.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string? AgreementId { get; init; }

    public DateTimeOffset? GivenAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    public string? EvidenceRef { get; init; }

    public DateTimeOffset At => RecordedAt;

    public RecordKind Kind => Withdrawal ? RecordKind.ConsentWithdrawn : RecordKind.ConsentGiven;

    public string Key => ConsentId;
}
