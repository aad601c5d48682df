using System.Globalization;
using Hub.Contracts.Subjects;

namespace Hub.Simulation.Population;

/// <summary>
/// Identifier factories for synthetic people. Each is a function of the person's index so a population need not be
/// held in memory; each result passes the Hub.Contracts validator the router applies.
/// </summary>
public static class SyntheticIdentities
{
    /// <summary>The NINo prefix every simulated person carries: format-valid, and never mistaken for a sample or real record.</summary>
    public const string NinoPrefix = "ZX";

    private const int NhsSpace = 1_000_000;
    private const int NinoDigits = 1_000_000;
    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>An NHS number in the 999 test range; indices past a million wrap (the 999 range holds only that many).</summary>
    public static string NhsNumber(long index)
    {
        var serial = (int)(Math.Abs(index) % NhsSpace);
        while (true)
        {
            // About one nine-digit stem in eleven has no valid check digit; the next stem is used instead.
            if (Hub.Contracts.Subjects.NhsNumber.WithCheckDigit("999" + serial.ToString("000000", CultureInfo.InvariantCulture)) is { } number)
            {
                return number;
            }

            serial = (serial + 1) % NhsSpace;
        }
    }

    /// <summary><c>ZX</c>, six digits and a suffix A–D: four million distinct numbers before they wrap.</summary>
    public static string Nino(long index)
    {
        var value = Math.Abs(index);
        var digits = (value % NinoDigits).ToString("000000", CultureInfo.InvariantCulture);
        return NinoPrefix + digits + "ABCD"[(int)(value / NinoDigits % 4)];
    }

    /// <summary>A PNC id created between 2000 and 2025 with a valid check letter.</summary>
    public static string PncId(long index)
    {
        var value = Math.Abs(index);
        return Hub.Contracts.Subjects.PncId.Create(2000 + (int)(value % 26), (int)(value / 26 % 10_000_000));
    }

    /// <summary>A prison number shaped like <c>A1234BC</c> but always starting <c>Z</c>.</summary>
    public static string NomsId(long index)
    {
        var value = Math.Abs(index);
        var digits = (value % 10_000).ToString("0000", CultureInfo.InvariantCulture);
        var rest = value / 10_000;
        return "Z" + digits + Letters[(int)(rest % Letters.Length)] + Letters[(int)(rest / Letters.Length % Letters.Length)];
    }
}
