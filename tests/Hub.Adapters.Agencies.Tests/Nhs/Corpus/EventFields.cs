using System.Collections;
using System.Globalization;

namespace Hub.Adapters.Agencies.Tests.Nhs.Corpus;

/// <summary>
/// Reads a property path of a mapped event (<c>Envelope.Subject.NhsNumber</c>, <c>Indicators[1].Code</c>,
/// <c>RetractedEventIds.Count</c>) as invariant text, so the manifest can state expected values as plain strings.
/// </summary>
public static class EventFields
{
    public static string Read(object root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        object? current = root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            current = current is IEnumerable list and not string && name == "Count"
                ? list.Cast<object?>().Count()
                : Property(current, name, path);
            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                current = ((IEnumerable)current!).Cast<object?>().ElementAt(index);
            }
        }

        return Format(current);
    }

    private static object? Property(object? owner, string name, string path) =>
        owner?.GetType().GetProperty(name) is { } property
            ? property.GetValue(owner)
            : throw new InvalidOperationException($"The event has no value at {path} (stopped at {name}).");

    private static string Format(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.UtcDateTime.ToString(at.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.############", CultureInfo.InvariantCulture),
        string text => text,
        IEnumerable list => string.Join(",", list.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
