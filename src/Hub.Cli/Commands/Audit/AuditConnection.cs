using System.CommandLine;
using Hub.Router.Consent;
using Hub.Router.Consent.Postgres;
using Hub.Router.Consent.Sqlite;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Ledger.Reading;
using Hub.Router.Ledger.Reading.Postgres;
using Hub.Router.Ledger.Reading.Sqlite;
using Hub.Router.Ledger.Sqlite;
using Hub.Router.Recalls;
using Hub.Router.Retractions;
using Hub.ServiceDefaults.Secrets;
using Npgsql;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// Where <c>hub audit</c> reads: <c>--postgres CONN</c> (or <c>--postgres-file PATH</c>, or AGENCYHUB_LEDGER_POSTGRES,
/// which keep the password off the command line), otherwise the embedded run's SQLite file (<c>--sqlite PATH</c>,
/// default .agencyhub/ledger.db).
/// </summary>
internal sealed class AuditConnection : IAsyncDisposable
{
    public const string PostgresVariable = "AGENCYHUB_LEDGER_POSTGRES";

    private readonly NpgsqlDataSource? _dataSource;

    private AuditConnection(ILedgerStore ledger, ILedgerReader reader, IConsentStore consents, string? sqlitePath, NpgsqlDataSource? dataSource)
    {
        Ledger = ledger;
        Reader = reader;
        Consents = consents;
        SqlitePath = sqlitePath;
        _dataSource = dataSource;
    }

    public ILedgerStore Ledger { get; }

    /// <summary>The audit reads: indexed subject look-ups and the recalls of given deliveries.</summary>
    public ILedgerReader Reader { get; }

    public IConsentStore Consents { get; }

    /// <summary>Recalls of every cause: the same store as <see cref="Consents"/>.</summary>
    public IRecallStore Recalls => (IRecallStore)Consents;

    /// <summary>The event ids sources have retracted: the same store as <see cref="Consents"/>.</summary>
    public IRetractionRegister Retractions => (IRetractionRegister)Consents;

    /// <summary>The SQLite ledger file, when reading the embedded store.</summary>
    public string? SqlitePath { get; }

    public static SensitiveOption PostgresOption() => new("postgres", "Npgsql connection string of the ledger database", PostgresVariable);

    public static Option<FileInfo> SqliteOption() => new("--sqlite")
    {
        Description = "SQLite ledger of the embedded run, when no Postgres connection is given",
        DefaultValueFactory = _ => new FileInfo(Path.Combine(".agencyhub", "ledger.db")),
    };

    /// <summary>Opens the stores the command line names (<see cref="PostgresOption"/>, else the SQLite file), or returns null after saying on stderr why not.</summary>
    public static AuditConnection? Open(ParseResult result, SensitiveOption postgres, FileInfo sqlite)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var connectionString = postgres.Resolve(result, out var error);
        if (error is not null)
        {
            Console.Error.WriteLine(error);
            return null;
        }

        return Open(connectionString, sqlite);
    }

    /// <summary>Opens the stores, or returns null after saying on stderr why not.</summary>
    public static AuditConnection? Open(string? postgres, FileInfo sqlite)
    {
        ArgumentNullException.ThrowIfNull(sqlite);
        if (PlaceholderSecrets.IsPlaceholderConnectionString(postgres))
        {
            Console.Error.WriteLine($"The Postgres connection string (--postgres, --postgres-file or ${PostgresVariable}) holds a placeholder password from a sample configuration; give the real one.");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            var dataSource = NpgsqlDataSource.Create(postgres);
            return new AuditConnection(new PostgresLedgerStore(dataSource), new PostgresLedgerReader(dataSource), new PostgresConsentStore(dataSource), null, dataSource);
        }

        if (!sqlite.Exists)
        {
            Console.Error.WriteLine($"No ledger at {sqlite.FullName}: pass --postgres CONN (or --postgres-file PATH, or set {PostgresVariable}), or --sqlite PATH of an embedded run's ledger.");
            return null;
        }

        return new AuditConnection(new SqliteLedgerStore(sqlite.FullName), new SqliteLedgerReader(sqlite.FullName), new SqliteConsentStore(sqlite.FullName), sqlite.FullName, null);
    }

    /// <summary>
    /// The embedded SQLite file is this tool's own: bring its recall tables to the current shape before reading them (a
    /// file written before recalls were unified is folded once, nothing lost). A Postgres ledger is migrated by the
    /// router's schema owner, never by an operator's command.
    /// </summary>
    public async Task PrepareRecallsAsync(CancellationToken cancellationToken)
    {
        if (SqlitePath is not null)
        {
            await Consents.InitializeAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        (Ledger as IDisposable)?.Dispose();
        (Consents as IDisposable)?.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
