using Hub.Contracts.Agencies;
using Microsoft.Extensions.Options;

namespace Hub.Router.Configuration;

/// <summary>Fills in the well-known agencies when none are configured, and refuses repeated or malformed codes.</summary>
public sealed class RouterOptionsSetup : IPostConfigureOptions<RouterOptions>, IValidateOptions<RouterOptions>
{
    public void PostConfigure(string? name, RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Agencies.Count == 0)
        {
            options.Agencies.AddRange(AgencyCode.WellKnown.Select(a => a.Value));
        }
    }

    public ValidateOptionsResult Validate(string? name, RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invalid = options.Agencies.Where(a => !AgencyCode.IsValid(a)).ToList();
        var repeated = options.Agencies.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var failures = new List<string>();
        if (invalid.Count > 0)
        {
            failures.Add($"Router:Agencies has entries that are not agency codes (lower-case letters, digits, hyphens): {string.Join(", ", invalid.Select(a => $"'{a}'"))}");
        }

        if (repeated.Count > 0)
        {
            failures.Add($"Router:Agencies names {string.Join(", ", repeated)} more than once");
        }

        if (options.Agencies.Count < 2)
        {
            failures.Add("Router:Agencies needs at least two agencies to share between");
        }

        if (options.ConcurrentMessageLimit is { } limit && limit > options.PrefetchCount)
        {
            failures.Add($"Router:ConcurrentMessageLimit ({limit}) cannot exceed Router:PrefetchCount ({options.PrefetchCount}): the endpoint can only process messages it has fetched");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
