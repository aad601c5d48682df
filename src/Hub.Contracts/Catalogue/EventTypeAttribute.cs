namespace Hub.Contracts.Catalogue;

/// <summary>The stable event-type name agreements and the ledger use for an event record.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
