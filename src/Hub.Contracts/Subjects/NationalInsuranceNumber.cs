namespace Hub.Contracts.Subjects;

/// <summary>
/// National Insurance number format (HMRC NIM39110): two prefix letters, six digits, suffix A-D.
/// D, F, I, Q, U and V never appear in the prefix, O never as its second letter, and the
/// prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated.
/// </summary>
public static class NationalInsuranceNumber
{
    private const string NeverInPrefix = "DFIQUV";
    private static readonly string[] UnallocatedPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    public static bool IsValid(string? value) => value is not null && Problem(value) is null;

    /// <summary>
    /// The first format rule <paramref name="value"/> breaks, in words that never quote it (not even one letter
    /// of it), or null when it is a well-formed number.
    /// </summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 9)
        {
            return $"wrong length: {value.Length} characters, where a National Insurance number has 9 (two prefix letters, six digits, a suffix letter)";
        }

        if (!IsPrefixLetter(value[0]))
        {
            return "invalid first letter: the prefix must be capital letters, never D, F, I, Q, U or V";
        }

        if (!IsPrefixLetter(value[1]) || value[1] == 'O')
        {
            return "invalid second letter: the prefix must be capital letters, never D, F, I, O, Q, U or V as the second";
        }

        if (UnallocatedPrefixes.Contains(value[..2], StringComparer.Ordinal))
        {
            return "forbidden prefix: one of the pairs HMRC never allocates (NIM39110)";
        }

        if (value.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return "invalid digits: characters 3 to 8 must be six digits 0-9";
        }

        return value[8] is >= 'A' and <= 'D' ? null : "invalid suffix: the last character must be A, B, C or D";
    }

    private static bool IsPrefixLetter(char letter) => letter is >= 'A' and <= 'Z' && !NeverInPrefix.Contains(letter, StringComparison.Ordinal);
}
