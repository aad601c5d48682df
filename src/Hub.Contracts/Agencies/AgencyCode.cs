using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Hub.Contracts.Agencies;

/// <summary>A participating agency, as named in queue names, agreements and the ledger (e.g. <c>probation</c>).</summary>
[JsonConverter(typeof(AgencyCodeJsonConverter))]
public readonly partial record struct AgencyCode
{
    public static readonly AgencyCode Police = new("police");
    public static readonly AgencyCode Probation = new("probation");
    public static readonly AgencyCode Jcp = new("jcp");
    public static readonly AgencyCode Nhs = new("nhs");
    public static readonly AgencyCode Council = new("council");

    /// <summary>The five agencies the hub ships adapters for.</summary>
    public static IReadOnlyList<AgencyCode> WellKnown { get; } = [Police, Probation, Jcp, Nhs, Council];

    public AgencyCode(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException("An agency code is 2-32 lower-case letters, digits or hyphens, starting with a letter.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static bool TryParse(string? value, out AgencyCode code)
    {
        code = IsValid(value) ? new AgencyCode(value!) : default;
        return code.Value is not null;
    }

    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
