using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Sources.DropFolder;

/// <summary>Start-time checks with messages that say which setting to fix.</summary>
public sealed class DropFolderOptionsValidator : IValidateOptions<DropFolderOptions>
{
    public ValidateOptionsResult Validate(string? name, DropFolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{DropFolderOptions.SectionName}:Path is required when the drop folder is enabled (its inbox/ is watched).");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(50) || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{DropFolderOptions.SectionName}:PollInterval must be between 00:00:00.050 and 01:00:00.");
        }

        if (options.SettleTime < TimeSpan.Zero || options.SettleTime > TimeSpan.FromHours(1))
        {
            failures.Add($"{DropFolderOptions.SectionName}:SettleTime must be between 00:00:00 and 01:00:00.");
        }

        if (options.CheckpointEvery is < 1 or > 10_000)
        {
            failures.Add($"{DropFolderOptions.SectionName}:CheckpointEvery must be between 1 and 10000 rows.");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero || options.CheckpointInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{DropFolderOptions.SectionName}:CheckpointInterval must be above 00:00:00 and at most 00:10:00.");
        }

        if (options.MaxInFlight is < 1 or > 4096)
        {
            failures.Add($"{DropFolderOptions.SectionName}:MaxInFlight must be between 1 and 4096 publishes.");
        }

        if (options.PrepareParallelism is < 1 or > 256)
        {
            failures.Add($"{DropFolderOptions.SectionName}:PrepareParallelism must be between 1 and 256 rows mapped at once.");
        }
        else if (options.PrepareAhead < options.PrepareParallelism || options.PrepareAhead > 4096)
        {
            failures.Add($"{DropFolderOptions.SectionName}:PrepareAhead must be between PrepareParallelism ({options.PrepareParallelism}) and 4096 rows.");
        }

        if (options.MaxFileBytes < 1)
        {
            failures.Add($"{DropFolderOptions.SectionName}:MaxFileBytes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
