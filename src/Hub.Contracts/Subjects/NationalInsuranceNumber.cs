using System.Text.RegularExpressions;

namespace Hub.Contracts.Subjects;

/// <summary>
/// National Insurance number format (HMRC NIM39110): two prefix letters, six digits, suffix A-D.
/// D, F, I, Q, U and V never appear in the prefix, O never as its second letter, and the
/// prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated.
/// </summary>
public static partial class NationalInsuranceNumber
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
