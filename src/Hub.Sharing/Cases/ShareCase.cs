using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Consent;

namespace Hub.Sharing.Cases;

/// <summary>One test an IG lead writes: an event arriving from a source at a time, the consents on record, and the expected decisions.</summary>
public sealed record ShareCase
{
    public required string Name { get; init; }

    public required AgencyCode Source { get; init; }

    public required IShareableEvent Event { get; init; }

    public required DateTimeOffset At { get; init; }

    public IReadOnlyList<ConsentState> Consents { get; init; } = [];

    /// <summary>Recipients not listed are not checked.</summary>
    public IReadOnlyDictionary<AgencyCode, ExpectedDecision> Expect { get; init; } = new Dictionary<AgencyCode, ExpectedDecision>();

    public required SourceLocation Location { get; init; }
}
