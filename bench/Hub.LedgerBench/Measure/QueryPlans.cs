using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Reading.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.LedgerBench.Measure;

/// <summary>EXPLAIN (ANALYZE, BUFFERS) of the report's three look-ups, run with the person of interest's values: the very SQL the command runs.</summary>
public static class QueryPlans
{
    public static async Task<PlanResult> ExplainAsync(NpgsqlDataSource dataSource, string key, SubjectIdentifiers subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        string[] pseudonyms = [.. new SubjectPseudonymiser(Options.Create(new LedgerOptions { SubjectKey = key })).Pseudonymise(subject, new AgencyCode("cli"))];
        var subjectPlan = await ExplainAsync(dataSource, PostgresLedgerQueries.SubjectDecisions, new NpgsqlParameter<string[]> { TypedValue = pseudonyms }, cancellationToken);
        var consentPlan = await ExplainAsync(dataSource, PostgresLedgerQueries.SubjectConsents, new NpgsqlParameter<string[]> { TypedValue = pseudonyms }, cancellationToken);

        var reader = new PostgresLedgerReader(dataSource);
        Guid[] deliveries = [.. (await reader.SubjectDecisionsAsync(pseudonyms, cancellationToken)).Where(r => r.DeliveryId is not null).Select(r => r.DeliveryId!.Value)];
        var recallPlan = await ExplainAsync(dataSource, PostgresLedgerQueries.RecallsOfDeliveries, new NpgsqlParameter<Guid[]> { TypedValue = deliveries }, cancellationToken);
        return new PlanResult(subjectPlan, consentPlan, recallPlan);
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, string sql, NpgsqlParameter parameter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var plan = new StringBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString().TrimEnd();
    }
}
