using Hub.Adapters.Core.Sinks.Postgres;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Delivery.Deduplication;

/// <summary>Checks <c>Adapter:Deduplication</c> at start, naming the setting that is wrong.</summary>
public sealed class DeduplicationOptionsValidator : IValidateOptions<DeduplicationOptions>
{
    public ValidateOptionsResult Validate(string? name, DeduplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add("Adapter:Deduplication:Kind must be Memory, Postgres or Sqlite.");
        }

        if (options.Kind != DeduplicationKind.Memory && !SqlIdentifier.IsValid(options.Table))
        {
            failures.Add($"Adapter:Deduplication:Table must be a lower-case SQL name ([schema.]table, letters, digits, underscores): {SqlIdentifier.Describe(options.Table)}.");
        }

        if (options.Kind == DeduplicationKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Adapter:Deduplication:ConnectionString is required when Kind is Postgres.");
        }

        if (options.Kind == DeduplicationKind.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Adapter:Deduplication:SqlitePath is required when Kind is Sqlite.");
        }

        if (options.Retention < TimeSpan.FromDays(1))
        {
            failures.Add("Adapter:Deduplication:Retention must be at least 1.00:00:00 (a day): ids pruned sooner could meet their redelivery.");
        }

        if (options.PruneInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Adapter:Deduplication:PruneInterval must be at least 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
