using System.CommandLine;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Postgres;
using Hub.Router.Ledger.Reading;
using Hub.Router.Ledger.Reading.Postgres;
using Hub.Router.Ledger.Reading.Sqlite;
using Hub.Router.Ledger.Sqlite;
using Hub.ServiceDefaults.Secrets;
using Npgsql;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// The ledger an audit command reads: Postgres from <c>--postgres</c>, <c>--postgres-file</c> or
/// <c>AGENCYHUB_LEDGER_POSTGRES</c>, else the embedded SQLite file from <c>--sqlite</c> (default <c>.agencyhub/ledger.db</c>, where <c>hub demo</c> leaves it).
/// </summary>
internal sealed class LedgerSource : IAsyncDisposable
{
    public const string PostgresVariable = AuditConnection.PostgresVariable;

    private const int DefaultReadBufferSize = 8192;
    private const int StreamingReadBufferSize = 65536;

    private readonly IAsyncDisposable? _dataSource;
    private readonly IDisposable? _store;

    private LedgerSource(ILedgerStore rows, ILedgerReader reader, ILedgerChainStore chain, string description, IAsyncDisposable? dataSource, IDisposable? store)
    {
        Rows = rows;
        Reader = reader;
        Chain = chain;
        Description = description;
        _dataSource = dataSource;
        _store = store;
    }

    public ILedgerStore Rows { get; }

    /// <summary>The streaming, read-only view of the same ledger that verification walks.</summary>
    public ILedgerReader Reader { get; }

    public ILedgerChainStore Chain { get; }

    /// <summary>Where the ledger is, without credentials.</summary>
    public string Description { get; }

    public static SensitiveOption PostgresOption(string description) => new("postgres", description, PostgresVariable);

    public static Option<FileInfo?> SqliteOption() => new("--sqlite")
    {
        Description = "Embedded SQLite ledger file (default: .agencyhub/ledger.db)",
    };

    /// <returns>The source the command line names, or null with <paramref name="error"/> saying why.</returns>
    public static LedgerSource? Open(ParseResult result, SensitiveOption postgres, FileInfo? sqlite, out string? error)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var connectionString = postgres.Resolve(result, out error, orVariable: false);
        return error is null ? Open(connectionString, sqlite, out error) : null;
    }

    /// <returns>The source, or null with <paramref name="error"/> saying why.</returns>
    public static LedgerSource? Open(string? postgres, FileInfo? sqlite, out string? error)
    {
        error = null;
        if (postgres is not null && sqlite is not null)
        {
            error = "Give either --postgres or --sqlite, not both.";
            return null;
        }

        postgres ??= sqlite is null ? Environment.GetEnvironmentVariable(PostgresVariable) : null;
        if (PlaceholderSecrets.IsPlaceholderConnectionString(postgres))
        {
            error = $"The Postgres connection string (--postgres, --postgres-file or ${PostgresVariable}) holds a placeholder password from a sample configuration; give the real one.";
            return null;
        }

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(postgres);
            }
            catch (ArgumentException)
            {
                error = "The Postgres connection string is not valid.";
                return null;
            }

            // Verification streams the whole ledger: a larger socket buffer than Npgsql's 8 KB default saves most of the reads' system calls.
            if (builder.ReadBufferSize == DefaultReadBufferSize)
            {
                builder.ReadBufferSize = StreamingReadBufferSize;
            }

            var dataSource = NpgsqlDataSource.Create(builder);
            return new LedgerSource(
                new PostgresLedgerStore(dataSource), new PostgresLedgerReader(dataSource), new PostgresChainStore(dataSource), $"postgres {(builder.Host?.Contains(',', StringComparison.Ordinal) == true ? builder.Host : $"{builder.Host}:{builder.Port}")}/{builder.Database} as {builder.Username}", dataSource, null);
        }

        var path = (sqlite ?? new FileInfo(Path.Combine(".agencyhub", "ledger.db"))).FullName;
        if (!File.Exists(path))
        {
            error = $"No ledger at {path}: run `hub demo` first, or pass --sqlite FILE or --postgres CONNECTION.";
            return null;
        }

        var store = new SqliteLedgerStore(path);
        return new LedgerSource(store, new SqliteLedgerReader(path), new SqliteChainStore(path), "sqlite " + path, null, store);
    }

    public async ValueTask DisposeAsync()
    {
        _store?.Dispose();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
