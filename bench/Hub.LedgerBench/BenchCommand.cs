using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.LedgerBench.Generate;
using Hub.LedgerBench.Measure;
using Hub.LedgerBench.Report;
using Npgsql;

namespace Hub.LedgerBench;

/// <summary>The bench's options and its run: generate and load the ledger, then time the subject report and verification.</summary>
public static class BenchCommand
{
    public const string PostgresVariable = "AGENCYHUB_TEST_POSTGRES";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static RootCommand Create()
    {
        var rows = new Option<long>("--rows") { Description = "Ledger rows to generate", DefaultValueFactory = _ => 10_000_000 };
        var subjects = new Option<int>("--subjects") { Description = "People the rows are about (besides the person of interest)", DefaultValueFactory = _ => 5000 };
        var subjectRows = new Option<int>("--subject-rows") { Description = "Rows about the person of interest (rounded up to whole events of four)", DefaultValueFactory = _ => 300 };
        var sealSize = new Option<int>("--seal-size") { Description = "Rows per seal (the sealer's SealBatchSize)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Warm builds of the subject report to time", DefaultValueFactory = _ => 20 };
        var postgres = new Option<string?>("--postgres") { Description = $"Npgsql connection string of a superuser on the server to use (default: ${PostgresVariable}); the bench creates its own database there" };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated database afterwards" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the report as JSON here" };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Write the report as Markdown here" };
        var root = new RootCommand("AgencyHub ledger at scale: generates a sealed ledger in Postgres by binary COPY and times `hub audit subject` and `hub audit verify` on it. Run it through scripts/ledger-bench.sh.");
        foreach (var option in new Option[] { rows, subjects, subjectRows, sealSize, seed, runs, postgres, keep, output, markdown })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var admin = result.GetValue(postgres) ?? Environment.GetEnvironmentVariable(PostgresVariable);
            var settings = new BenchSettings(
                result.GetValue(rows), result.GetValue(subjects), result.GetValue(subjectRows), result.GetValue(sealSize), result.GetValue(seed), result.GetValue(runs),
                admin ?? string.Empty, result.GetValue(output)?.FullName, result.GetValue(markdown)?.FullName);
            if (string.IsNullOrWhiteSpace(admin))
            {
                await Console.Error.WriteLineAsync($"Give the server: --postgres CONN or ${PostgresVariable} (scripts/ledger-bench.sh starts one).");
                return 2;
            }

            if (settings is not { Rows: > 0, Subjects: > 0, SubjectRows: > 0, SealSize: > 0, Runs: > 0 })
            {
                await Console.Error.WriteLineAsync("--rows, --subjects, --subject-rows, --seal-size and --runs must be above 0.");
                return 2;
            }

            try
            {
                var report = await RunAsync(settings, result.GetValue(keep), cancellationToken);
                return report.Verify.Intact && report.Plans.SubjectUsesIndex && report.Subject.Decisions == report.Load.InterestRows ? 0 : 1;
            }
            catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException or IOException)
            {
                await Console.Error.WriteLineAsync($"[ledger-bench] failed: {ex.Message}");
                return 1;
            }
        });
        return root;
    }

    private static async Task<LedgerBenchReport> RunAsync(BenchSettings settings, bool keep, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetUtcNow();
        var random = new Random(settings.Seed);
        var population = Population.Create(settings.Subjects, random);
        var plan = new LedgerPlan(settings, population, random);
        var database = await BenchDatabase.CreateAsync(settings.AdminConnection, cancellationToken);
        try
        {
            Progress($"database {database.Name}: loading {settings.Rows:N0} rows about {settings.Subjects:N0} people, sealed every {settings.SealSize:N0}");
            await database.DropIndexesForLoadAsync(cancellationToken);
            var (copySeconds, seals) = await LedgerLoader.LoadAsync(database.DataSource, plan, settings.SealSize, Progress, cancellationToken);
            await CheckSequencesAsync(database, settings.Rows, cancellationToken);
            Progress($"copied in {copySeconds:N1} s; rebuilding the indexes");
            var indexSeconds = await database.RebuildIndexesAsync(cancellationToken);
            Progress($"indexes in {indexSeconds:N1} s; consents and recalls");
            var consentClock = System.Diagnostics.Stopwatch.StartNew();
            var recalls = await ConsentLoader.LoadAsync(database.DataSource, population, withdrawnOthers: 20, cancellationToken);
            var consentSeconds = consentClock.Elapsed.TotalSeconds;
            Progress("VACUUM ANALYZE");
            var vacuumSeconds = await database.VacuumAnalyzeAsync(cancellationToken);
            var load = new LoadResult(
                settings.Rows, seals, plan.InterestRows, settings.Subjects, recalls,
                await database.ScalarAsync<string>("SELECT pg_size_pretty(pg_total_relation_size('ledger_entries'))", cancellationToken),
                await database.ScalarAsync<string>("SELECT pg_size_pretty(pg_relation_size('ledger_entries_subject'))", cancellationToken),
                copySeconds, indexSeconds, consentSeconds, vacuumSeconds);

            Progress("EXPLAIN ANALYZE of the subject report's look-ups");
            var plans = await QueryPlans.ExplainAsync(database.DataSource, population.Key, population.Interest, cancellationToken);
            Progress($"hub audit subject: {settings.Runs} warm builds in process, then the command once");
            var subject = await SubjectTiming.RunAsync(database.ConnectionString, population.Key, population.Interest, settings.Runs, cancellationToken);
            var (commandSeconds, commandDecisions) = await SubjectCommandTiming.RunAsync(database.ConnectionString, population.Key, population.Interest, cancellationToken);
            if (commandDecisions != subject.Decisions)
            {
                throw new InvalidOperationException($"hub audit subject listed {commandDecisions} decisions, the in-process build {subject.Decisions}.");
            }

            Progress("hub audit verify");
            var verify = await VerifyTiming.RunAsync(database.ConnectionString, database.DataSource, cancellationToken);
            var server = await database.ScalarAsync<string>(
                "SELECT format('PostgreSQL %s, fsync=%s, synchronous_commit=%s, shared_buffers=%s', current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers'))",
                cancellationToken);
            var report = new LedgerBenchReport(started, Machine(), server, settings, load, subject, commandSeconds, plans, verify);
            var markdown = ReportWriter.Markdown(report);
            Console.WriteLine(markdown);
            if (settings.Out is { } json)
            {
                await File.WriteAllBytesAsync(json, JsonSerializer.SerializeToUtf8Bytes(report, ReportJson), cancellationToken);
            }

            if (settings.Markdown is { } md)
            {
                await File.WriteAllTextAsync(md, markdown, cancellationToken);
            }

            return report;
        }
        finally
        {
            await database.DisposeAsync();
            if (!keep)
            {
                await DropAsync(settings.AdminConnection, database.Name);
            }
        }
    }

    /// <summary>The seals were computed for seq 1..rows: the identity column must have handed out exactly those.</summary>
    private static async Task CheckSequencesAsync(BenchDatabase database, long rows, CancellationToken cancellationToken)
    {
        var range = await database.ScalarAsync<string>("SELECT format('%s..%s (%s rows)', min(seq), max(seq), count(*)) FROM ledger_entries", cancellationToken);
        if (range != $"1..{rows} ({rows} rows)")
        {
            throw new InvalidOperationException($"The ledger's seqs are {range}, not 1..{rows}: the seals would not match.");
        }
    }

    private static async Task DropAsync(string admin, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var source = NpgsqlDataSource.Create(admin);
        await using var drop = source.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    private static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : [];
        return $"{Environment.ProcessorCount} cores, {Environment.OSVersion}" + (load.Length == 3 ? $", load average {string.Join(' ', load)} at the end" : string.Empty);
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[ledger-bench] {TimeProvider.System.GetUtcNow():HH:mm:ss} {message}");
}
