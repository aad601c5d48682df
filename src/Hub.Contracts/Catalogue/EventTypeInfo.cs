namespace Hub.Contracts.Catalogue;

/// <summary>One shareable event type: its agreement name, its CLR record and the field names agreements may release.</summary>
public sealed record EventTypeInfo(string Name, Type ClrType, IReadOnlyList<string> Fields);
