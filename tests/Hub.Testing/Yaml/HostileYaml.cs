using System.Text;

namespace Hub.Testing;

/// <summary>Files built to exhaust a YAML parser: deep nesting, many aliases, exponential alias expansion.</summary>
public static class HostileYaml
{
    /// <summary><c>key: [[[…]]]</c>, <paramref name="depth"/> lists deep, on the line after <paramref name="before"/>.</summary>
    public static string DeepList(string before, string key, int depth) =>
        before + key + ": " + new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>One anchored list and <paramref name="aliases"/> lines aliasing it, under <paramref name="key"/>.</summary>
    public static string AliasFanOut(string before, string key, int aliases)
    {
        var text = new StringBuilder(before).Append("anchor: &a [x]\n").Append(key).Append(":\n");
        for (var i = 0; i < aliases; i++)
        {
            text.Append("  - *a\n");
        }

        return text.ToString();
    }

    /// <summary>The billion-laughs shape: nine levels, each ten aliases of the one before (10^9 values once expanded).</summary>
    public static string BillionLaughs(string before, string key)
    {
        var text = new StringBuilder(before).Append(key).Append(":\n  l0: &l0 lol\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append("  l").Append(level).Append(": &l").Append(level).Append(" [")
                .AppendJoin(", ", Enumerable.Repeat($"*l{level - 1}", 10)).Append("]\n");
        }

        return text.ToString();
    }
}
