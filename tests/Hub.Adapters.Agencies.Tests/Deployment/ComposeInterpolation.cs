using System.Text.RegularExpressions;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>
/// Compose's <c>${VAR}</c> interpolation (spec.md, "Interpolation"): <c>$$</c> escapes, <c>$VAR</c>, <c>${VAR}</c>,
/// <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:?error}</c>, <c>${VAR?error}</c>, <c>${VAR:+alt}</c>,
/// <c>${VAR+alt}</c>. Reports each reference as its name and whether it carries a default or required marker.
/// </summary>
public static partial class ComposeInterpolation
{
    public sealed record Reference(string Name, bool HasDefaultOrRequired);

    /// <summary>The references in <paramref name="value"/>, or the problem that makes it malformed.</summary>
    public static (IReadOnlyList<Reference> References, string? Problem) Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var references = new List<Reference>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$')
            {
                continue;
            }

            if (i + 1 < value.Length && value[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (i + 1 < value.Length && value[i + 1] == '{')
            {
                var close = value.IndexOf('}', i + 2);
                if (close < 0)
                {
                    return (references, $"unterminated '${{' in '{value}'");
                }

                var match = Braced().Match(value[(i + 2)..close]);
                if (!match.Success)
                {
                    return (references, $"malformed interpolation '{value[i..(close + 1)]}'");
                }

                references.Add(new Reference(match.Groups["name"].Value, match.Groups["op"].Success));
                i = close;
                continue;
            }

            var bare = Bare().Match(value[(i + 1)..]);
            if (!bare.Success)
            {
                return (references, $"a lone '$' in '{value}' (write $$ for a literal dollar)");
            }

            references.Add(new Reference(bare.Value, false));
            i += bare.Length;
        }

        return (references, null);
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<op>(:?[-?+]).*)?$", RegexOptions.Singleline)]
    private static partial Regex Braced();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Bare();
}
