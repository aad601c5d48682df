using Npgsql;

namespace Hub.Router.Ledger.Postgres;

/// <summary>
/// Failures that mean "no writable database right now", which a failover causes for a few seconds (the primary lost,
/// a standby being promoted, the client's multi-host pool still finding the new primary): they are worth waiting out,
/// unlike a statement the server refused (docs/reliability.md).
/// </summary>
public static class PostgresFailover
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // Connection lost or refused by a server shutting down or starting (57P0x, 08xxx, …), or a statement that reached
        // a server in recovery (25006, read-only: a connection string without Target Session Attributes=read-write).
        PostgresException postgres => postgres.IsTransient || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction,
        // Client side: no server answered, the socket broke, or no host was fit for writing.
        NpgsqlException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        _ => false,
    };
}
