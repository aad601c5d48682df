using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Consent;

namespace Hub.Sharing.Decisions;

/// <summary>What the engine needs to decide one event for each candidate recipient.</summary>
public sealed record DecisionRequest
{
    /// <summary>The agency whose ingress queue the event arrived on (not the event's own claim).</summary>
    public required AgencyCode Source { get; init; }

    public required string EventType { get; init; }

    public required DataClassification Classification { get; init; }

    public required ConsentTag Consent { get; init; }

    /// <summary>The event as contract JSON; conditions read its top-level fields.</summary>
    public required JsonElement Event { get; init; }

    /// <summary>Fields present (non-null) in this event, as agreements name them.</summary>
    public required IReadOnlyCollection<string> PresentFields { get; init; }

    public required IReadOnlyList<AgencyCode> Candidates { get; init; }

    public required DateTimeOffset DecisionTime { get; init; }

    /// <summary>Fields whose values the source obtained from the hub under a restricted gateway: their limits bind every flow.</summary>
    public IReadOnlyList<Provenance.InheritedRestriction> Inherited { get; init; } = [];

    /// <summary>The subject's consents at decision time.</summary>
    public IConsentView Consents { get; init; } = ConsentSnapshot.Empty;
}
