using System.CommandLine;
using Hub.Simulation.Timeline;

namespace Hub.Cli.Commands.Simulate;

/// <summary>The options of <c>hub simulate</c> and how they become <see cref="SimulationSettings"/>.</summary>
internal sealed class SimulateOptions
{
    public Option<int> Days { get; } = new("--days") { Description = "Simulated days to generate", DefaultValueFactory = _ => 7 };

    public Option<DateOnly?> Start { get; } = new("--start") { Description = "First simulated day, YYYY-MM-DD (default: today, UTC)" };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed: the same seed, scale and days give the same records", DefaultValueFactory = _ => 1 };

    public Option<double> Scale { get; } = new("--scale") { Description = "Multiplier of one borough's volumes and claimant pools (Lewisham, scenarios.md §4a); e.g. 13 or 63 for stress tests (§4d)", DefaultValueFactory = _ => 1 };

    public Option<double> Speedup { get; } = new("--speedup") { Description = "Simulated seconds per real second (3600: an hour a second)", DefaultValueFactory = _ => 3600 };

    public Option<string?> Batch { get; } = new("--batch") { Description = "One file per kind per simulated 'hour' or 'day' (default: hour up to speed-up 720, day above)" };

    public Option<DirectoryInfo?> DropRoot { get; } = new("--drop-root") { Description = "Write into DIR/<agency>/inbox/, the inbox of an adapter whose Adapter:Sources:DropFolder:Path is DIR/<agency>" };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the plan (counts per agency and record kind per simulated week) and write nothing" };

    public Option<bool> Embedded { get; } = new("--embedded") { Description = "Run the router in this process (in-memory transport, SQLite ledger) and feed the probation files through the real drop-folder processor; prints decisions by outcome" };

    public Option<FileInfo> Ledger { get; } = new("--ledger")
    {
        Description = "With --embedded: the SQLite ledger file to write (kept after the run)",
        DefaultValueFactory = _ => new FileInfo(Path.Combine(".agencyhub", "simulate-ledger.db")),
    };

    public Option<DirectoryInfo?> Agreements { get; } = new("--agreements") { Description = "With --embedded: folder of agreement files (default: samples/agreements of this repository)" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Days, Start, Seed, Scale, Speedup, Batch, DropRoot, DryRun, Embedded, Ledger, Agreements })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>What is wrong with the options as given, in one sentence; null when they can run.</summary>
    public string? Problem(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(Days) is < 1 or > 3660 ? "--days must be between 1 and 3660."
            : result.GetValue(Scale) is not (> 0 and <= 1000) ? "--scale must be above 0 and at most 1000."
            : result.GetValue(Speedup) is not > 0 ? "--speedup must be above 0."
            : result.GetValue(Batch) is { } batch && batch is not ("hour" or "day") ? "--batch must be 'hour' or 'day'."
            : !result.GetValue(DryRun) && result.GetValue(DropRoot) is null ? "Say where to write: --drop-root DIR (or --dry-run to see the plan)."
            : result.GetValue(Embedded) && result.GetValue(DryRun) ? "--embedded runs the records through the hub; it cannot be a --dry-run."
            : null;
    }

    public SimulationSettings Settings(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SimulationSettings
        {
            Start = result.GetValue(Start) ?? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime),
            Days = result.GetValue(Days),
            Seed = result.GetValue(Seed),
            Scale = result.GetValue(Scale),
        };
    }

    public TimeSpan? Period(ParseResult result) => result.GetValue(Batch) switch
    {
        "hour" => TimeSpan.FromHours(1),
        "day" => TimeSpan.FromDays(1),
        _ => null,
    };
}
