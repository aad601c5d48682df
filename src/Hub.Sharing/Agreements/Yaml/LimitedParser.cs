using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>
/// A YAML parser that enforces <see cref="YamlLimits"/> on the event stream, throwing a located
/// <see cref="YamlException"/> at the first event past a limit, before the representation model builds (or
/// recursively walks) anything that deep or that large. Remembers where it was, to locate any other failure.
/// </summary>
internal sealed class LimitedParser(IParser inner) : IParser
{
    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(long Size, string? Anchor)> _open = new();
    private int _aliases;
    private long _expanded;

    public ParsingEvent? Current => inner.Current;

    /// <summary>The start of the last event read: where the parser was when anything went wrong.</summary>
    public Mark Position { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        Position = current.Start;
        switch (current)
        {
            case MappingStart or SequenceStart:
                if (_open.Count >= YamlLimits.MaxDepth)
                {
                    throw Refuse(current, $"nested more than {YamlLimits.MaxDepth} levels deep");
                }

                Count(current, 1);
                _open.Push((1, ((NodeEvent)current).Anchor.IsEmpty ? null : ((NodeEvent)current).Anchor.Value));
                break;
            case MappingEnd or SequenceEnd when _open.Count > 0:
                var (size, anchor) = _open.Pop();
                Remember(anchor, size);
                AddToParent(size);
                break;
            case Scalar scalar:
                Count(current, 1);
                Remember(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1);
                AddToParent(1);
                break;
            case AnchorAlias alias:
                if (++_aliases > YamlLimits.MaxAliases)
                {
                    throw Refuse(current, $"uses more than {YamlLimits.MaxAliases} aliases");
                }

                var aliased = _anchorSizes.GetValueOrDefault(alias.Value.Value, 1);
                Count(current, aliased);
                AddToParent(aliased);
                break;
        }

        return true;
    }

    private static YamlException Refuse(ParsingEvent at, string what) =>
        new(at.Start, at.End, $"the file {what}; agreement, case and participants files are refused past that limit");

    private void Count(ParsingEvent at, long nodes)
    {
        _expanded += nodes;
        if (_expanded > YamlLimits.MaxExpandedNodes)
        {
            throw Refuse(at, $"expands to more than {YamlLimits.MaxExpandedNodes:N0} values once its aliases are followed");
        }
    }

    /// <summary>The size of an anchored node, as a copy of it costs wherever it is aliased.</summary>
    private void Remember(string? anchor, long size)
    {
        if (anchor is not null)
        {
            _anchorSizes[anchor] = size;
        }
    }

    private void AddToParent(long size)
    {
        if (_open.Count > 0)
        {
            var (parentSize, parentAnchor) = _open.Pop();
            _open.Push((parentSize + size, parentAnchor));
        }
    }
}
