namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// Bounds on what an agreement, case or participants file may ask of the parser, so a hostile or runaway file is
/// refused quickly and in bounded memory: all are checked event by event while parsing, before a node tree exists.
/// A real agreement is a few kilobytes, a dozen levels deep and uses no aliases; these leave ample room.
/// </summary>
public static class YamlLimits
{
    /// <summary>Characters in one file (about 1 MiB of text).</summary>
    public const int MaxCharacters = 1024 * 1024;

    /// <summary>Mappings and lists inside one another.</summary>
    public const int MaxDepth = 64;

    /// <summary>Aliases (<c>*name</c>) in one file.</summary>
    public const int MaxAliases = 1000;

    /// <summary>Nodes in one file once every alias is counted as a copy of what it names (stops "billion laughs").</summary>
    public const long MaxExpandedNodes = 100_000;

    /// <summary>Errors reported for one file; the rest are summarised in one line.</summary>
    public const int MaxErrorsPerFile = 100;
}
