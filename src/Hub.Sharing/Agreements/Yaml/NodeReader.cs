using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Hub.Sharing.Agreements.Yaml;

/// <summary>Typed reads from a YAML node tree, recording a located diagnostic for every problem instead of throwing.</summary>
internal sealed class NodeReader(string file, List<AgreementDiagnostic> diagnostics)
{
    public string File => file;

    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message, string? suggestion = null) =>
        diagnostics.Add(new AgreementDiagnostic(file, (int)node.Start.Line, (int)node.Start.Column, message) { Suggestion = suggestion });

    public void Warning(YamlNode node, string message, string? suggestion = null) =>
        diagnostics.Add(new AgreementDiagnostic(file, (int)node.Start.Line, (int)node.Start.Column, message) { Severity = DiagnosticSeverity.Warning, Suggestion = suggestion });

    /// <summary>Flags keys the language does not have, suggesting the nearest one, and keys that are not single words.</summary>
    public void OnlyKeys(YamlMappingNode map, string where, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode scalar)
            {
                Error(key, $"{where} has a key that is a list or a block; keys are single words such as {known[0]}");
            }
            else if (!known.Contains(scalar.Value, StringComparer.Ordinal))
            {
                Error(key, $"{where} has no key '{scalar.Value}'", Suggestions.DidYouMean(scalar.Value, known));
            }
        }
    }

    public static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Text(YamlMappingNode map, string key, string where, bool required)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, $"{where} has no {key}");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value } scalar && !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null"))
        {
            return value;
        }

        Error(node, $"{where}: {key} must be a single value");
        return null;
    }

    public int? Number(YamlMappingNode map, string key, string where, bool required)
    {
        var text = Text(map, key, where, required);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(Node(map, key)!, $"{where}: {key} '{text}' is not a whole number");
        return null;
    }

    public bool? Flag(YamlMappingNode map, string key, string where)
    {
        var text = Text(map, key, where, required: false);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        Error(Node(map, key)!, $"{where}: {key} must be true or false");
        return null;
    }

    public DateOnly? Date(YamlMappingNode map, string key, string where, bool required)
    {
        var text = Text(map, key, where, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(Node(map, key)!, $"{where}: {key} '{text}' is not a date in the form YYYY-MM-DD");
        return null;
    }

    /// <summary>A list of single values, each with its node for precise errors.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> List(YamlMappingNode map, string key, string where, bool required)
    {
        var node = Node(map, key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Error(map, $"{where} has no {key}");
                }

                return [];
            case YamlSequenceNode sequence:
                var items = new List<(string, YamlNode)>();
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } value })
                    {
                        items.Add((value, item));
                    }
                    else
                    {
                        Error(item, $"{where}: each entry of {key} must be a single value");
                    }
                }

                return items;
            case YamlScalarNode { Value: { Length: > 0 } single }:
                return [(single, node)];
            default:
                Error(node, $"{where}: {key} must be a list");
                return [];
        }
    }

    public YamlMappingNode? Mapping(YamlNode? node, string where)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        if (node is not null)
        {
            Error(node, $"{where} must be a set of key: value lines");
        }

        return null;
    }
}
