using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Contracts.Temporal;

namespace Hub.Contracts.Envelope;

/// <summary>What every shareable event carries besides its own fields.</summary>
public sealed record EventEnvelope
{
    /// <summary>Unique per source agency; the router's idempotency key together with the ingress queue's agency.</summary>
    public required Guid EventId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Set when the source gave <see cref="OccurredAt"/> only to the year, month or day; absent when it gave a time.</summary>
    public DateTimePrecision? OccurredAtPrecision { get; init; }

    /// <summary>The agency the publisher claims to be. The router trusts the ingress queue, and rejects a mismatch.</summary>
    public required AgencyCode Source { get; init; }

    /// <summary>Who the event is about; null only for aggregate, non-personal events.</summary>
    public SubjectIdentifiers? Subject { get; init; }

    public required DataClassification Classification { get; init; }

    public required ConsentTag Consent { get; init; }

    /// <summary>Describes every problem with the envelope, never quoting personal data.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (EventId == Guid.Empty)
        {
            problems.Add("envelope.eventId is empty");
        }

        if (OccurredAt == default)
        {
            problems.Add("envelope.occurredAt is missing");
        }

        if (Classification == DataClassification.AggregateNonPersonal)
        {
            if (Subject is not null)
            {
                problems.Add("an aggregate-non-personal event must not identify a person");
            }
        }
        else if (Subject is null)
        {
            problems.Add("envelope.subject is required for personal data");
        }
        else
        {
            problems.AddRange(Subject.Validate());
        }

        if (Consent is null)
        {
            problems.Add("envelope.consent is missing");
        }
        else
        {
            problems.AddRange(Consent.Validate(Classification));
        }

        return problems;
    }
}
