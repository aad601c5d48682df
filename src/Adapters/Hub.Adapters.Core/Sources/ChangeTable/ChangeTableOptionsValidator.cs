using Hub.Adapters.Core.Sinks.Postgres;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.ChangeTable;

/// <summary>Start-time checks with messages that say which setting to fix.</summary>
public sealed class ChangeTableOptionsValidator : IValidateOptions<ChangeTableOptions>
{
    public ValidateOptionsResult Validate(string? name, ChangeTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{ChangeTableOptions.SectionName}:ConnectionString is required when the change table is enabled.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.Table), options.Table),
            (nameof(options.WatermarkTable), options.WatermarkTable),
            (nameof(options.QuarantineTable), options.QuarantineTable),
        })
        {
            if (!SqlIdentifier.IsValid(value))
            {
                failures.Add($"{ChangeTableOptions.SectionName}:{setting} must be a plain lower-case [schema.]table name, not {SqlIdentifier.Describe(value)}.");
            }
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(options.ChangeIdColumn), options.ChangeIdColumn),
            (nameof(options.TransactionColumn), options.TransactionColumn),
            (nameof(options.KindColumn), options.KindColumn),
        })
        {
            if (setting == nameof(options.KindColumn) && string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!SqlIdentifier.IsValid(value) || value.Contains('.', StringComparison.Ordinal))
            {
                failures.Add($"{ChangeTableOptions.SectionName}:{setting} must be a plain lower-case column name, not {SqlIdentifier.Describe(value)}.");
            }
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(50) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{ChangeTableOptions.SectionName}:PollInterval must be between 00:00:00.050 and 01:00:00.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{ChangeTableOptions.SectionName}:BatchSize must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
