using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Microsoft.Data.Sqlite;

namespace Hub.Router.Consent.Sqlite;

/// <summary>
/// What each cause calls back, read from the ledger's allowed deliveries that no recall of the same cause names yet:
/// the only part of recall planning that differs between causes (the Postgres store's twin).
/// </summary>
public sealed partial class SqliteConsentStore
{
    private const string NotRecalledForCause = """
          AND NOT EXISTS (SELECT 1 FROM recall_deliveries d JOIN recalls r ON r.recall_id = d.recall_id
                          WHERE d.delivery_id = l.delivery_id AND r.cause = $2 AND r.cause_ref = $1)
        ORDER BY l.seq
        """;

    /// <summary>A withdrawn consent: the deliveries that relied on it.</summary>
    private const string ConsentCandidates = """
        SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source, w.effective_at, NULL
        FROM ledger_entries l
        JOIN consent_withdrawals w ON w.consent_id = l.consent_ref
        WHERE l.consent_ref = $1 AND l.footing = 'consent' AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
        """ + NotRecalledForCause;

    /// <summary>A retraction: deliveries of the ids it registered, from its own source and of the retracted type only.</summary>
    private const string RetractionCandidates = """
        SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source, x.retracted_at, x.reason
        FROM retracted_events x
        JOIN ledger_entries l ON l.source = x.source AND l.event_id = x.event_id AND l.event_type = x.event_type
        WHERE x.retraction_id = $1 AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
        """ + NotRecalledForCause;

    private static async Task<IReadOnlyList<RecallCandidate>> RecallCandidatesAsync(SqliteConnection connection, SqliteTransaction transaction, RecallCause cause, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, transaction, cause.Kind == RecallCauseKind.Retraction ? RetractionCandidates : ConsentCandidates);
        Bind(select, cause.Reference, cause.KindText);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var candidates = new List<RecallCandidate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new RecallCandidate(
                reader.GetString(0),
                new RecalledDelivery
                {
                    DeliveryId = Guid.Parse(reader.GetString(1)),
                    EventId = Guid.Parse(reader.GetString(2)),
                    EventType = reader.GetString(3),
                    Source = new AgencyCode(reader.GetString(4)),
                },
                ParseTime(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return candidates;
    }
}
