namespace Hub.Sharing.Agreements;

/// <summary>All agreements in force together, identified by a hash of their files so every decision can name the set.</summary>
public sealed record AgreementSet(IReadOnlyList<Agreement> Agreements, string Hash)
{
    public static AgreementSet Empty { get; } = new([], "empty");
}
