using System.Globalization;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Core.Mapping;

/// <summary>Reads source fields as text, collecting a problem per bad field. Problems name fields, never values.</summary>
public sealed class FieldReader
{
    private readonly List<FieldProblem> _problems = [];

    public IReadOnlyList<FieldProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public void Add(string field, string problem) => _problems.Add(new FieldProblem(field, problem));

    public string Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return string.Empty;
        }

        return value.Trim();
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public DateOnly Date(string field, string? value) => OptionalDate(field, Required(field, value)) ?? default;

    public DateOnly? OptionalDate(string field, string? value)
    {
        if (Optional(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, "is not a date (yyyy-MM-dd)");
        return null;
    }

    public DateTimeOffset Timestamp(string field, string? value)
    {
        var text = Required(field, value);
        if (text.Length == 0)
        {
            return default;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && text.Contains('T', StringComparison.Ordinal))
        {
            return at;
        }

        Add(field, "is not an ISO 8601 date and time");
        return default;
    }

    public bool? Flag(string field, string? value)
    {
        switch (Optional(value)?.ToUpperInvariant())
        {
            case null:
                return null;
            case "Y" or "YES" or "TRUE" or "1":
                return true;
            case "N" or "NO" or "FALSE" or "0":
                return false;
            default:
                Add(field, "is not a yes/no flag (Y or N)");
                return null;
        }
    }

    public string? NhsNumber(string field, string? value) => Identifier(field, value, Contracts.Subjects.NhsNumber.IsValid, "fails the NHS number format or check digit");

    public string? PncId(string field, string? value) => Identifier(field, value, Contracts.Subjects.PncId.IsValid, "is not a well-formed PNC id with a valid check letter");

    public string? Nino(string field, string? value) => Identifier(field, value?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), NationalInsuranceNumber.IsValid, "is not a valid National Insurance number");

    private string? Identifier(string field, string? value, Func<string, bool> isValid, string problem)
    {
        if (Optional(value) is not { } text)
        {
            return null;
        }

        if (isValid(text))
        {
            return text;
        }

        Add(field, problem);
        return null;
    }
}
