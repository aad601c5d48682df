namespace Hub.Contracts.Envelope;

/// <summary>
/// Marks an event record the router can share. Not a base class: it only exposes the envelope every event
/// composes, so the router can validate any event without knowing its type.
/// </summary>
public interface IShareableEvent
{
    EventEnvelope Envelope { get; }
}
