using Hub.Sharing.Participants;

namespace Hub.Sharing.Agreements;

/// <summary>All agreements in force together, identified by a hash of their files so every decision can name the set.</summary>
public sealed record AgreementSet(IReadOnlyList<Agreement> Agreements, string Hash)
{
    public static AgreementSet Empty { get; } = new([], "empty");

    /// <summary>The agencies the set's agreements may name, and the candidate recipients <c>hub rules</c> decides for.</summary>
    public ParticipantRegistry Participants { get; init; } = ParticipantRegistry.WellKnownOnly;
}
