using Microsoft.Extensions.Configuration;

namespace Hub.ServiceDefaults.Secrets;

/// <summary>
/// Which configuration settings hold a secret: by the last part of the key, <c>…Password</c>, <c>…Token</c>,
/// <c>…Secret</c>, <c>SubjectKey</c>, every key under <c>…:ApiKeys</c>, and connection strings (<c>…ConnectionString</c>
/// and every key under <c>ConnectionStrings</c>), of which the password is judged.
/// </summary>
public static class SecretSettings
{
    private static readonly string[] SecretSuffixes = ["Password", "Token", "Secret", "SubjectKey"];

    /// <summary>The secret settings of <paramref name="configuration"/> that hold a sample's placeholder, by key.</summary>
    public static IReadOnlyList<string> WithPlaceholders(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.AsEnumerable()
            .Where(setting => setting.Value is not null && IsPlaceholderSecret(setting.Key, setting.Value))
            .Select(setting => setting.Key)
            .Order(StringComparer.OrdinalIgnoreCase)];
    }

    private static bool IsPlaceholderSecret(string key, string value)
    {
        var parts = key.Split(ConfigurationPath.KeyDelimiter);
        var name = parts[^1];
        var parent = parts.Length > 1 ? parts[^2] : string.Empty;
        if (name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) || parent.Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
        {
            return PlaceholderSecrets.IsPlaceholderConnectionString(value);
        }

        return (parent.Equals("ApiKeys", StringComparison.OrdinalIgnoreCase) || SecretSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            && PlaceholderSecrets.IsPlaceholder(value);
    }
}
