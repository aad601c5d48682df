using Hub.Contracts.Agencies;

namespace Hub.Sharing.Consent;

/// <summary>One consent record as it stands: scope (purposes, recipients; none listed means any party) and lifetime.</summary>
public sealed record ConsentState(
    string Id,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<AgencyCode> Recipients,
    DateTimeOffset Given,
    DateTimeOffset? Expires,
    DateTimeOffset? Withdrawn);
