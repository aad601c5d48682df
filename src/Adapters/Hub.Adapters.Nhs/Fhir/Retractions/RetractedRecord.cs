namespace Hub.Adapters.Nhs.Fhir.Retractions;

/// <summary>What a mapper publishes a resource as: its record kind (for event ids) and the event type.</summary>
public sealed record RetractedRecord(string RecordKind, string EventType);
