using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;
using Npgsql;

namespace Hub.Router.Consent.Postgres;

/// <summary>
/// What each cause calls back, read from the ledger's allowed deliveries that no recall of the same cause names yet:
/// the only part of recall planning that differs between causes (docs/adr/0007, docs/adr/0020).
/// </summary>
public sealed partial class PostgresConsentStore
{
    private const string NotRecalledForCause = """
          AND NOT EXISTS (SELECT 1 FROM recall_deliveries d JOIN recalls r ON r.recall_id = d.recall_id
                          WHERE d.delivery_id = l.delivery_id AND r.cause = $2 AND r.cause_ref = $1)
        ORDER BY l.seq
        """;

    /// <summary>A withdrawn consent: the deliveries that relied on it.</summary>
    private const string ConsentCandidates = """
        SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source, w.effective_at, NULL::text
        FROM ledger_entries l
        JOIN consent_withdrawals w ON w.consent_id = l.consent_ref
        WHERE l.consent_ref = $1 AND l.footing = 'consent' AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
        """ + NotRecalledForCause;

    /// <summary>A retraction: deliveries of the ids it registered, from its own source and of the retracted type only.</summary>
    private const string RetractionCandidates = """
        SELECT l.recipient, l.delivery_id, l.event_id, l.event_type, l.source, x.retracted_at, x.reason
        FROM retracted_events x
        JOIN ledger_entries l ON l.source = x.source AND l.event_id = x.event_id AND l.event_type = x.event_type
        WHERE x.retraction_id = $1::uuid AND l.outcome = 'allowed' AND l.delivery_id IS NOT NULL
        """ + NotRecalledForCause;

    private static async Task<IReadOnlyList<RecallCandidate>> RecallCandidatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RecallCause cause, CancellationToken cancellationToken)
    {
        var sql = cause.Kind == RecallCauseKind.Retraction ? RetractionCandidates : ConsentCandidates;
        await using var select = new NpgsqlCommand(sql, connection, transaction);
        select.Parameters.Add(new() { Value = cause.Reference });
        select.Parameters.Add(new() { Value = cause.KindText });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var candidates = new List<RecallCandidate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new RecallCandidate(
                reader.GetString(0),
                new RecalledDelivery
                {
                    DeliveryId = reader.GetGuid(1),
                    EventId = reader.GetGuid(2),
                    EventType = reader.GetString(3),
                    Source = new AgencyCode(reader.GetString(4)),
                },
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return candidates;
    }
}
