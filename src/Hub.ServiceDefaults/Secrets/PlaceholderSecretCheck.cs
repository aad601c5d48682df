using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Secrets;

/// <summary>
/// Refuses to start a process whose configuration still holds a sample's placeholder where a secret goes (a copied
/// <c>compose.env.example</c>, an unfilled <c>secret.example.yaml</c>). The error names each setting, never its value.
/// </summary>
public sealed class PlaceholderSecretCheck(IConfiguration configuration) : IValidateOptions<CheckedSecrets>
{
    public ValidateOptionsResult Validate(string? name, CheckedSecrets options)
    {
        var settings = SecretSettings.WithPlaceholders(configuration);
        return settings.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(settings.Select(setting => $"{setting} holds a placeholder from a sample configuration (deploy/placeholder-secrets.txt); set the real secret from your secret store."));
    }

    /// <summary>Checked at start-up (<c>ValidateOnStart</c>), before the bus or any database is reached.</summary>
    public static IServiceCollection AddTo(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CheckedSecrets>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CheckedSecrets>>(new PlaceholderSecretCheck(configuration));
        return services;
    }
}
