using Hub.Router.Consent.Postgres;
using Hub.Router.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// Creates the ledger's tables as the schema owner and grants the router's runtime role only what it needs
/// (docs/adr/0008). With no owner connection, the runtime connection applies the schema itself and so owns the
/// tables: the hash chain still detects tampering, but the database no longer prevents it, and a warning says so.
/// The owner's pool exists only for the migration and is disposed after it. In deployment the migration is its own
/// step (<c>hub db migrate</c>, or the router image run with <c>migrate</c>: docs/adr/0022), so the long-running router
/// never holds the owner's credential: it finds this build's schema fingerprint recorded and applies nothing.
/// </summary>
public sealed class PostgresLedgerMigration(NpgsqlDataSource runtime, string? ownerConnectionString, bool requireAppendOnly, ILogger? logger = null)
{
    private const long SchemaLock = 727274;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>SHA-256 of this build's schema and grants: what <c>ledger_schema</c> records once they are applied.</summary>
    public static readonly string SchemaFingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        PostgresSchema.Sql + PostgresChainSchema.Sql + PostgresConsentSchema.Sql + PostgresRuntimeGrants.Sql("s", "r", "q"))));

    /// <summary>
    /// The separate migration step: as the schema owner, applies the schema and grants <paramref name="runtimeRole"/>
    /// its rights, and records the fingerprint. Run before the routers start (and after an upgrade).
    /// </summary>
    public static async Task MigrateAsync(string ownerConnectionString, string runtimeRole, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeRole);
        await using var owner = NpgsqlDataSource.Create(ownerConnectionString);
        await new PostgresLedgerMigration(owner, null, false, logger).ApplySchemaAsync(owner, runtimeRole, cancellationToken);
    }

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var runtimeRole = await ScalarAsync<string>(runtime, "SELECT current_user", cancellationToken);
        if (await IsMigratedAsync(cancellationToken))
        {
            // Migrated by the separate step: nothing to create, and no owner credential needed.
        }
        else
        {
            var owner = ownerConnectionString is null ? null : NpgsqlDataSource.Create(ownerConnectionString);
            try
            {
                await ApplySchemaAsync(owner ?? runtime, owner is null ? null : runtimeRole, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && owner is null)
            {
                throw new InvalidOperationException(
                    $"The ledger schema is not at this build's version and role '{runtimeRole}' may not create it: run `hub db migrate` " +
                    "(or the router image with `migrate`) as the schema owner first (docs/adr/0022).", ex);
            }
            finally
            {
                if (owner is not null)
                {
                    await owner.DisposeAsync();
                }
            }
        }

        // Checked as the runtime role, whatever applied the schema: owners and superusers can always update.
        var appendOnly = await ScalarAsync<bool>(runtime, """
            SELECT NOT bool_or(has_table_privilege(t, p))
            FROM unnest(ARRAY['ledger_entries', 'ledger_seals']) t, unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) p
            """, cancellationToken);
        if (!appendOnly)
        {
            LedgerLog.NotAppendOnly(_logger, runtimeRole);
            if (requireAppendOnly)
            {
                throw new InvalidOperationException(
                    $"Ledger:Integrity:RequireAppendOnly is set, but database role '{runtimeRole}' may update or delete ledger rows. " +
                    "Set ConnectionStrings:LedgerAdmin to the schema owner and ConnectionStrings:Ledger to a role that owns nothing (docs/adr/0008).");
            }
        }
    }

    private async Task ApplySchemaAsync(NpgsqlDataSource source, string? grantTo, CancellationToken cancellationToken)
    {
        // Several routers may start together: serialise the DDL and grants so CREATE ... IF NOT EXISTS cannot race.
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})", cancellationToken);
        await ExecuteAsync(connection, transaction, PostgresSchema.Sql, cancellationToken);
        await ExecuteAsync(connection, transaction, PostgresChainSchema.Sql, cancellationToken);
        await ExecuteAsync(connection, transaction, PostgresConsentSchema.Sql, cancellationToken);
        await ExecuteAsync(connection, transaction, SchemaVersionSql, cancellationToken);

        await using (var who = new NpgsqlCommand("SELECT current_user, current_schema(), pg_get_serial_sequence('ledger_entries', 'seq')", connection, transaction))
        await using (var reader = await who.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (ownerRole, schema, sequence) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            await reader.CloseAsync();
            if (grantTo is not null && !string.Equals(grantTo, ownerRole, StringComparison.Ordinal))
            {
                await ExecuteAsync(connection, transaction, PostgresRuntimeGrants.Sql(schema, grantTo, sequence), cancellationToken);
                LedgerLog.AppendOnlyGranted(_logger, ownerRole, grantTo);
            }
        }

        await using (var record = new NpgsqlCommand("INSERT INTO ledger_schema (fingerprint, applied_at) VALUES ($1, now()) ON CONFLICT DO NOTHING", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = SchemaFingerprint });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private const string SchemaVersionSql = "CREATE TABLE IF NOT EXISTS ledger_schema (fingerprint text PRIMARY KEY, applied_at timestamptz NOT NULL);";

    private async Task<bool> IsMigratedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = runtime.CreateCommand("SELECT EXISTS (SELECT 1 FROM ledger_schema WHERE fingerprint = $1)");
            command.Parameters.Add(new NpgsqlParameter { Value = SchemaFingerprint });
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InsufficientPrivilege)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
