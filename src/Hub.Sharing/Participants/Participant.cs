using Hub.Contracts.Agencies;
using Hub.Sharing.Agreements;

namespace Hub.Sharing.Participants;

/// <summary>An agency agreements may name as a source or recipient: one of the five well-known, or one declared in participants.yaml.</summary>
public sealed record Participant(AgencyCode Code, string Name, ParticipantKind Kind)
{
    /// <summary>The local authority area the participant serves, as event fields such as <c>responsibleAuthority</c> write it; informational.</summary>
    public string? LocalAuthority { get; init; }

    /// <summary>Where it is declared; <see cref="SourceLocation.Unknown"/> for the well-known agencies.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Unknown;

    public bool IsWellKnown => AgencyCode.WellKnown.Contains(Code);
}
