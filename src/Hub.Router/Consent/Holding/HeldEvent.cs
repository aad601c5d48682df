namespace Hub.Router.Consent.Holding;

/// <summary>
/// An ingress event held because the consent it cites is not recorded yet: the event as MassTransit serialises it,
/// to send again to its source's ingress when released, and when it arrived and when its window ends. Personal data
/// (the event's body) stays only while the event is held; the row is deleted once the event is decided.
/// </summary>
public sealed record HeldEvent
{
    public required string Source { get; init; }

    public required Guid EventId { get; init; }

    /// <summary>The catalogue name (<c>custody.release.scheduled</c> …), which gives the CLR type to send again.</summary>
    public required string EventType { get; init; }

    public required string ConsentRef { get; init; }

    /// <summary>Hash of <see cref="Body"/>: a redelivery with other content under the same event id is a reused id.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The ingress message's id, kept when the event is sent again so its ledger rows name the same message.</summary>
    public string? MessageId { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset ArrivedAt { get; init; }

    public required DateTimeOffset ReleaseAt { get; init; }
}
