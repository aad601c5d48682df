using System.Data.Common;
using System.Text.RegularExpressions;

namespace Hub.ServiceDefaults.Secrets;

/// <summary>
/// The values the repository's sample configurations hold where a secret goes (<c>change-me</c>,
/// <c>&lt;from the secret store&gt;</c>, ...). The list is <c>deploy/placeholder-secrets.txt</c>, compiled in, which
/// <c>deploy/rabbitmq/apply.sh</c> reads too: one regular expression a line, matched against the whole value,
/// ignoring case.
/// </summary>
public static class PlaceholderSecrets
{
    private const string ResourceName = "Hub.ServiceDefaults.placeholder-secrets.txt";

    private static readonly Regex[] Patterns = Load();

    private static readonly string[] PasswordKeys = ["Password", "Pwd"];

    /// <summary>True when <paramref name="value"/> is one of the samples' placeholders.</summary>
    public static bool IsPlaceholder(string? value) =>
        value is not null && Patterns.Any(p => p.IsMatch(value.Trim()));

    /// <summary>
    /// True when a connection string's password (<c>Password=</c> or <c>Pwd=</c>) is a placeholder, or the whole value
    /// is one. A value that does not parse as a connection string is judged whole.
    /// </summary>
    public static bool IsPlaceholderConnectionString(string? value)
    {
        if (IsPlaceholder(value))
        {
            return true;
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            return false;
        }

        return PasswordKeys.Any(key => builder.TryGetValue(key, out var password) && IsPlaceholder(password as string));
    }

    private static Regex[] Load()
    {
        using var stream = typeof(PlaceholderSecrets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd()
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => new Regex($"^(?:{line})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }
}
