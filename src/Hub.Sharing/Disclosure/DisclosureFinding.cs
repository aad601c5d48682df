using Hub.Contracts.Subjects;

namespace Hub.Sharing.Disclosure;

/// <summary>Where in an event a subject identifier was found, and of what kind: the path, never the value.</summary>
public sealed record DisclosureFinding(string Path, IdentifierKind Kind)
{
    public override string ToString() => $"{Path} holds what looks like {EmbeddedIdentifiers.Describe(Kind)}";
}
