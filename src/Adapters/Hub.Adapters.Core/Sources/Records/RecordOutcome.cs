namespace Hub.Adapters.Core.Sources.Records;

/// <summary>What became of one record: published (broker-confirmed) under an event id, or rejected with reasons.</summary>
public sealed record RecordOutcome(Guid? EventId, string? EventType, IReadOnlyList<string> Problems)
{
    public bool Published => EventId is not null;

    public static RecordOutcome Confirmed(Guid eventId, string eventType) => new(eventId, eventType, []);

    public static RecordOutcome Rejected(IReadOnlyList<string> problems) => new(null, null, problems);
}
