using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Configuration;

/// <summary>The cross-setting check of <c>Adapter</c> that data annotations cannot express.</summary>
public sealed class AdapterOptionsValidator : IValidateOptions<AdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, AdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ConcurrentMessageLimit is { } limit && limit > options.PrefetchCount
            ? ValidateOptionsResult.Fail($"{AdapterOptions.SectionName}:ConcurrentMessageLimit ({limit}) must not exceed {AdapterOptions.SectionName}:PrefetchCount ({options.PrefetchCount}): the broker would never hand over that many at once.")
            : ValidateOptionsResult.Success;
    }
}
