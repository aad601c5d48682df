using System.Diagnostics;
using System.Globalization;

namespace Hub.Testing.Telemetry;

/// <summary>
/// Looks for seeded personal data in exported telemetry (span names, tags, events, links, status descriptions and
/// baggage; log messages, state values, scopes and exception text) or in any other named text a process put out. Matching ignores case, and spaces, hyphens and
/// slashes, so a reformatted identifier (<c>999 000 0018</c>) is still found.
/// </summary>
public sealed class PiiScanner
{
    private readonly IReadOnlyList<(string Seed, string Normalised)> _seeds;

    public PiiScanner(IEnumerable<string> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        _seeds = [.. seeds.Select(s => (s, Normalise(s))).Where(s => s.Item2.Length >= 4).Distinct()];
        if (_seeds.Count == 0)
        {
            throw new ArgumentException("A scan needs at least one seed of four or more characters.", nameof(seeds));
        }
    }

    public int SeedCount => _seeds.Count;

    /// <summary>Each finding names the seed and where it was seen; empty when the telemetry is clean.</summary>
    public IReadOnlyList<string> Scan(IEnumerable<Activity> spans, IEnumerable<CapturedLog> logs)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(logs);
        return Scan(spans.SelectMany(Texts).Concat(logs.SelectMany(Texts)));
    }

    /// <summary>
    /// Any named texts: a process's console output, a message's headers, a report file, a scrape of <c>/metrics</c>,
    /// a command's output. Each finding names the seed and where it was seen, with the text it was seen in.
    /// </summary>
    public IReadOnlyList<string> Scan(IEnumerable<(string Where, string? Text)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var findings = new List<string>();
        foreach (var (where, text) in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var normalised = Normalise(text);
            foreach (var (seed, seedNormalised) in _seeds)
            {
                if (normalised.Contains(seedNormalised, StringComparison.Ordinal))
                {
                    findings.Add($"'{seed}' in {where}: {text}");
                }
            }
        }

        return findings;
    }

    public static IEnumerable<(string Where, string? Text)> Texts(Activity span)
    {
        ArgumentNullException.ThrowIfNull(span);
        var name = $"span '{span.DisplayName}' ({span.Source.Name})";
        yield return (name + " name", span.DisplayName);
        yield return (name + " operation", span.OperationName);
        yield return (name + " status", span.StatusDescription);
        foreach (var tag in span.TagObjects)
        {
            yield return ($"{name} tag {tag.Key}", $"{tag.Key}={Text(tag.Value)}");
        }

        foreach (var item in span.Baggage)
        {
            yield return ($"{name} baggage {item.Key}", $"{item.Key}={item.Value}");
        }

        foreach (var @event in span.Events)
        {
            yield return ($"{name} event", @event.Name);
            foreach (var tag in @event.Tags)
            {
                yield return ($"{name} event {@event.Name} tag {tag.Key}", $"{tag.Key}={Text(tag.Value)}");
            }
        }

        foreach (var link in span.Links)
        {
            foreach (var tag in link.Tags ?? [])
            {
                yield return ($"{name} link tag {tag.Key}", $"{tag.Key}={Text(tag.Value)}");
            }
        }
    }

    public static IEnumerable<(string Where, string? Text)> Texts(CapturedLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var name = $"log {log.Category}/{log.EventId.Id}";
        yield return (name + " message", log.FormattedMessage);
        yield return (name + " body", log.Body);
        yield return (name + " exception", log.Exception);
        foreach (var attribute in log.Attributes)
        {
            yield return ($"{name} attribute {attribute.Key}", $"{attribute.Key}={attribute.Value}");
        }

        foreach (var scope in log.Scopes)
        {
            yield return (name + " scope", scope);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Normalise(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '/').Select(char.ToUpperInvariant)]);
}
