namespace Hub.Sharing.Disclosure;

/// <summary>How decisions name small counts: by path, at most a few, never by value.</summary>
internal static class SmallNumbersWording
{
    private const int Shown = 5;

    public static string Paths(IReadOnlyList<string> paths) =>
        paths.Count <= Shown ? string.Join(", ", paths) : $"{string.Join(", ", paths.Take(Shown))} and {paths.Count - Shown} more";
}
