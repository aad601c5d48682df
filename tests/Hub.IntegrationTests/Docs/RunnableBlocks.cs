namespace Hub.IntegrationTests.Docs;

/// <summary>
/// Finds the shell blocks of README.md and docs/*.md that are marked runnable: the line <c>&lt;!-- runnable --&gt;</c>
/// (invisible once rendered) right above a <c>```bash</c> fence. Only blocks whose every line is a real command are
/// marked; synopses with <c>[options]</c> and placeholders are not.
/// </summary>
public static class RunnableBlocks
{
    public const string Marker = "<!-- runnable -->";

    /// <summary>The documents, relative to the repository root, that hold at least one marked block.</summary>
    public static IEnumerable<string> Documents(string root) =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)))
            .Where(d => File.ReadLines(Path.Combine(root, d)).Any(l => l.Trim() == Marker))
            .Order(StringComparer.Ordinal);

    public static IReadOnlyList<RunnableBlock> In(string root, string document)
    {
        var lines = File.ReadAllLines(Path.Combine(root, document));
        var blocks = new List<RunnableBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != Marker)
            {
                continue;
            }

            if (i + 1 >= lines.Length || lines[i + 1].Trim() != "```bash")
            {
                throw new InvalidOperationException($"{document}:{i + 1}: {Marker} must sit right above a ```bash fence");
            }

            var end = Array.FindIndex(lines, i + 2, l => l.Trim() == "```");
            if (end < 0)
            {
                throw new InvalidOperationException($"{document}:{i + 2}: the runnable block is never closed");
            }

            blocks.Add(new RunnableBlock(document, i + 3, string.Join('\n', lines[(i + 2)..end])));
            i = end;
        }

        return blocks;
    }
}
