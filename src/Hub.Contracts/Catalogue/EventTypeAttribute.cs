using Hub.Contracts.Envelope;

namespace Hub.Contracts.Catalogue;

/// <summary>The stable event-type name agreements and the ledger use for an event record, and what it normally carries.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The class of data the event type carries; agreement validation demands the matching conditions.</summary>
    public DataClassification Classification { get; init; } = DataClassification.Personal;
}
