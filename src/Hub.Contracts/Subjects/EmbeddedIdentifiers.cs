using System.Text.RegularExpressions;

namespace Hub.Contracts.Subjects;

/// <summary>
/// Finds subject identifiers inside free text and numbers, as people write them: an NHS number as ten digits or
/// 3-3-4 with spaces or hyphens (valid Modulus 11 check digit only), a National Insurance number with or without
/// spaces between its pairs and in either case, a PNC id with a valid check letter. A number must not be part of a longer
/// number; letters may touch (a ten-digit run inside a code is refused too, erring on the side of the person); each
/// candidate must pass the same check the contracts apply to the identifier itself,
/// so a ten-digit count that fails the NHS check digit is not reported. Used to keep personal data out of data that
/// claims to hold none (issue 12); the caller never sees the value, only the kind.
/// </summary>
public static partial class EmbeddedIdentifiers
{
    /// <summary>The first identifier found in <paramref name="text"/>, or null.</summary>
    public static IdentifierKind? Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 5)
        {
            return null;
        }

        foreach (Match match in NhsCandidates().Matches(text))
        {
            if (NhsNumber.IsValid(Digits(match.Value)))
            {
                return IdentifierKind.NhsNumber;
            }
        }

        foreach (Match match in NinoCandidates().Matches(text))
        {
            if (NationalInsuranceNumber.IsValid(Compact(match.Value)))
            {
                return IdentifierKind.NationalInsuranceNumber;
            }
        }

        foreach (Match match in PncCandidates().Matches(text))
        {
            if (PncId.IsValid(match.Value.ToUpperInvariant()))
            {
                return IdentifierKind.PncId;
            }
        }

        return null;
    }

    /// <summary>
    /// The identifier a JSON number's text could be: only an NHS number can be written as a number (ten digits,
    /// no sign, fraction or exponent). Leading zeros cannot survive as a number, so none is lost here.
    /// </summary>
    public static IdentifierKind? FindInNumber(string rawNumber) =>
        rawNumber is { Length: 10 } && rawNumber.All(char.IsAsciiDigit) && NhsNumber.IsValid(rawNumber) ? IdentifierKind.NhsNumber : null;

    /// <summary>How an error names the kind: never with a value.</summary>
    public static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.NhsNumber => "an NHS number",
        IdentifierKind.NationalInsuranceNumber => "a National Insurance number",
        IdentifierKind.PncId => "a PNC id",
        _ => "a subject identifier",
    };

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    private static string Compact(string value) => new([.. value.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);

    // Ten digits, or 3-3-4 separated by one space or hyphen each, with no digit touching either end. A letter may touch
    // ("NHS9434765919"): a ten-digit run inside a code is refused too, which errs on the side of the person.
    [GeneratedRegex(@"(?<![0-9])(?:[0-9]{10}|[0-9]{3}[ \-][0-9]{3}[ \-][0-9]{4})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NhsCandidates();

    // Two letters, six digits (optionally spaced in pairs), a suffix letter; either case; anywhere, even touching a word.
    [GeneratedRegex(@"[A-Za-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d]", RegexOptions.CultureInvariant)]
    private static partial Regex NinoCandidates();

    // Year, serial and check letter, not part of a longer number; a letter may follow or precede.
    [GeneratedRegex(@"(?<![0-9/])(?:[0-9]{2}|[0-9]{4})/[0-9]{1,7}[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex PncCandidates();
}
