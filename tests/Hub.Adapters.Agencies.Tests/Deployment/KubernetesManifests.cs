using Hub.Adapters.Agencies.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>Every YAML document under deploy/k8s/base, parsed with YamlDotNet, with the file it came from.</summary>
public static class KubernetesManifests
{
    public static string BaseFolder => RepoPaths.File("deploy", "k8s", "base");

    public static IReadOnlyList<(string File, YamlMappingNode Document)> All() =>
        [.. Directory.GetFiles(BaseFolder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(file => Load(file).Select(d => (Path.GetFileName(file), d)))];

    public static IEnumerable<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
    }

    public static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(key, out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    public static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;
}
