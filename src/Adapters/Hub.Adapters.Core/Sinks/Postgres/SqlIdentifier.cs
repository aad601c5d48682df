using System.Text.RegularExpressions;

namespace Hub.Adapters.Core.Sinks.Postgres;

/// <summary>
/// Table names come from configuration and cannot be SQL parameters: only plain lower-case names
/// (<c>[schema.]table</c>) are accepted, so nothing from configuration can change a statement's meaning.
/// </summary>
public static partial class SqlIdentifier
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static string Require(string? name) =>
        IsValid(name) ? name! : throw new ArgumentException($"Not a plain lower-case SQL name: {Describe(name)}.", nameof(name));

    /// <summary><c>CREATE SCHEMA IF NOT EXISTS s;</c> for a qualified <c>s.table</c>, else nothing: so a configured qualified table can be created.</summary>
    public static string CreateSchemaFor(string table) =>
        Require(table).Split('.') is [var schema, _] ? $"CREATE SCHEMA IF NOT EXISTS {schema};\n" : string.Empty;

    /// <summary>Quotes a configured name for a message (configuration, never personal data).</summary>
    public static string Describe(string? name) => name is null ? "(not set)" : $"'{name}'";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
