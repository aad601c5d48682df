namespace Hub.Router.Ledger.Reading;

/// <summary>
/// The outbox rows whose decision recorded a delivery digest (ledger rows of encoding version 4 on, docs/adr/0025),
/// with that digest: one join, streamed. Older rows have no digest and are not listed.
/// </summary>
public static class OutboxDigestQuery
{
    /// <summary>Postgres keeps the body as jsonb: <c>::text</c> is its normalised form, which the digest's canonical form absorbs.</summary>
    public const string Postgres = """
        SELECT o.delivery_id, o.body::text, l.delivery_sha256
          FROM outbox_deliveries o
          JOIN ledger_entries l ON l.delivery_id = o.delivery_id
         WHERE l.kind = 'decision' AND l.delivery_sha256 IS NOT NULL
        """;

    public const string Sqlite = """
        SELECT o.delivery_id, o.body, l.delivery_sha256
          FROM outbox_deliveries o
          JOIN ledger_entries l ON l.delivery_id = o.delivery_id
         WHERE l.kind = 'decision' AND l.delivery_sha256 IS NOT NULL
        """;
}
