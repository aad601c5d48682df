using System.Net.Sockets;
using Hub.Router.Ledger.Postgres;
using Npgsql;

namespace Hub.Router.Tests.Ledger;

/// <summary>What the router waits out during a database failover, and what still fails at once (docs/reliability.md).</summary>
public sealed class PostgresFailoverTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction)]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void When_the_server_is_going_away_or_read_only_should_wait_it_out(string sqlState) =>
        PostgresFailover.IsUnavailable(new PostgresException("failover", "FATAL", "FATAL", sqlState)).ShouldBeTrue();

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.InsufficientPrivilege)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    public void When_the_server_refused_the_statement_should_not_wait(string sqlState) =>
        PostgresFailover.IsUnavailable(new PostgresException("refused", "ERROR", "ERROR", sqlState)).ShouldBeFalse();

    [Fact]
    public void When_no_server_answered_should_wait_it_out()
    {
        PostgresFailover.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))).ShouldBeTrue();
        PostgresFailover.IsUnavailable(new NpgsqlException("Unable to connect to a suitable host.", new AggregateException())).ShouldBeTrue();
    }

    [Fact]
    public void When_the_failure_is_not_the_database_should_not_wait() =>
        PostgresFailover.IsUnavailable(new InvalidOperationException("something else")).ShouldBeFalse();
}
