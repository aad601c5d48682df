namespace Hub.Sharing.Agreements;

/// <summary>"Did you mean …" for misspelt ids: the closest known word within a small edit distance.</summary>
public static class Suggestions
{
    public static string? DidYouMean(string? given, IEnumerable<string> known)
    {
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }

        var best = known
            .Select(k => (Word: k, Distance: Distance(given.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Word, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Word is not null && best.Distance <= Math.Max(2, given.Length / 3) ? $"did you mean '{best.Word}'?" : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
