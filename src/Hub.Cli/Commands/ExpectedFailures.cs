using System.CommandLine;
using System.Net.Sockets;
using Hub.Sharing.Agreements;
using Microsoft.Data.Sqlite;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace Hub.Cli.Commands;

/// <summary>
/// Runs the parsed command and turns the failures a user can cause and fix (a missing folder, an agreement set that
/// does not load, a database or broker that cannot be reached, a file that cannot be read) into one line on stderr
/// saying what is wrong and what to do, and exit code <see cref="CannotRun"/>, instead of a stack trace. Anything
/// else is a defect and keeps its stack trace. Messages name paths, hosts and codes, never a person's data.
/// </summary>
internal static class ExpectedFailures
{
    /// <summary>The command could not run: input missing or invalid, or a server unreachable (README, "Exit codes").</summary>
    public const int CannotRun = 2;

    public static async Task<int> InvokeAsync(ParseResult parse, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Describe(ex) is { } line)
        {
            await error.WriteLineAsync(line);
            return CannotRun;
        }
    }

    /// <summary>One line for an expected failure; null for anything else.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        AgreementValidationException e => $"The agreements do not load: {e.Message}. Fix them (hub rules lint shows each error with file:line:column) or pass another folder.",
        PostgresException e => $"The database refused the command ({e.SqlState}: {e.MessageText}). Check the connection string's database, user and the role's rights (hub db migrate applies the schema).",
        NpgsqlException e => $"Cannot reach the ledger database: {FirstLine(e.Message)}. Check the host, port and credentials of --postgres, and that Postgres is running.",
        BrokerUnreachableException => "Cannot reach the broker. Check Broker:Host and Broker:Port (AGENCYHUB_Broker__Host, AGENCYHUB_Broker__Port), the user's password, and that RabbitMQ is running.",
        SocketException e => $"Cannot connect: {e.SocketErrorCode}. Check the server's host and port, and that it is running.",
        SqliteException e => $"Cannot read the SQLite ledger: {FirstLine(e.Message)}. Check the --sqlite path.",
        DirectoryNotFoundException e => $"{FirstLine(e.Message)} Check the path.",
        FileNotFoundException e => $"File not found: {e.FileName ?? FirstLine(e.Message)}. Check the path.",
        UnauthorizedAccessException e => $"Not allowed: {FirstLine(e.Message)} Check the file's permissions.",
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
