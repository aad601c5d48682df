namespace Hub.Contracts.Subjects;

/// <summary>NHS number format: ten digits whose last digit is the Modulus 11 check digit of the first nine.</summary>
public static class NhsNumber
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            if (i < 9)
            {
                sum += (value[i] - '0') * (10 - i);
            }
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        // A remainder giving 10 means no valid number can be formed from those nine digits.
        return check != 10 && check == value[9] - '0';
    }

    /// <summary>Completes nine digits with their check digit, or returns null when the digits have no valid check digit.</summary>
    public static string? WithCheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != 9 || !nineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Nine digits are required.", nameof(nineDigits));
        }

        for (var d = 0; d <= 9; d++)
        {
            var candidate = nineDigits + (char)('0' + d);
            if (IsValid(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
