namespace Hub.Cli.Commands.Audit;

/// <summary>
/// Whether the keys given can find a person's rows in this ledger, told from the key ids its rows record (never the
/// keys). A key the ledger was not written under finds nothing, which would read as "no decision about this person":
/// that is refused, naming the ids, rather than reported. After a key rotation the ledger holds several ids; keys for
/// some of them search those rows and the report names the ids it could not search.
/// </summary>
internal sealed record SubjectKeyCheck(IReadOnlyList<string> Searched, IReadOnlyList<string> NotSearched, string? Refusal, string? Note)
{
    public static SubjectKeyCheck Of(IReadOnlyList<string> givenIds, IReadOnlyList<string> ledgerIds)
    {
        ArgumentNullException.ThrowIfNull(givenIds);
        ArgumentNullException.ThrowIfNull(ledgerIds);
        if (ledgerIds.Count == 0)
        {
            return new(givenIds, [], null, "The ledger's rows do not record the subject key id they were written under (written before it was recorded), so the key given cannot be confirmed: an empty report may mean a wrong key.");
        }

        var searched = ledgerIds.Intersect(givenIds, StringComparer.Ordinal).ToList();
        var notSearched = ledgerIds.Except(givenIds, StringComparer.Ordinal).ToList();
        var given = givenIds.Count == 1 ? $"the key given has id {givenIds[0]}" : $"the keys given have ids {string.Join(", ", givenIds)}";
        if (searched.Count == 0)
        {
            var written = ledgerIds.Count == 1
                ? $"the ledger's rows were written under subject key id {ledgerIds[0]}"
                : $"the ledger's rows were written under subject key ids {string.Join(", ", ledgerIds)} (the key was rotated)";
            return new([], notSearched, $"Refusing to report: {written}; {given}. A key the ledger was not written under finds nothing. Pass the ledger's subject key"
                + (ledgerIds.Count > 1 ? "s (--subject-key-file may be given once per key)." : " (--subject-key-file FILE or $" + SubjectKeys.Variable + ")."), null);
        }

        return notSearched.Count == 0
            ? new(searched, [], null, null)
            : new(searched, notSearched, null, $"Rows written under subject key id(s) {string.Join(", ", notSearched)} were not searched ({given}): the report covers only rows under {string.Join(", ", searched)}. Give those keys too with another --subject-key-file.");
    }
}
