using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>
/// What <c>docker compose config</c> would refuse in our stack file, checked without Docker: spec keys only
/// (<see cref="ComposeSpecKeys"/>), well-formed interpolation with a default, a required marker or a value in
/// <c>deploy/compose.env.example</c>, existing depends_on targets and conditions, declared named volumes, networks,
/// secrets and configs, repository files for bind mounts, env files, build contexts and Dockerfiles, pinned images,
/// durations Compose parses, and valid ports. Returns every problem, so one run shows them all.
/// </summary>
public sealed partial class ComposeValidator(string root, IReadOnlySet<string> definedVariables)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Validate(string yaml)
    {
        _problems.Clear();
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode top)
        {
            return ["the file is not one YAML mapping"];
        }

        CheckKeys(top, ComposeSpecKeys.TopLevel, "top level");
        CheckInterpolation(top, "");
        if (top.Children.TryGetValue("services", out var servicesNode) && servicesNode is YamlMappingNode services)
        {
            foreach (var (name, node) in services.Children)
            {
                if (node is YamlMappingNode service)
                {
                    ComposeServiceChecks.Check(this, top, services, name.ToString(), service);
                }
                else
                {
                    Problem($"service {name} is not a mapping");
                }
            }
        }
        else
        {
            Problem("no services mapping");
        }

        return [.. _problems];
    }

    internal string Root => root;

    internal void Problem(string problem) => _problems.Add(problem);

    internal void CheckKeys(YamlMappingNode node, IReadOnlySet<string> allowed, string where)
    {
        foreach (var key in node.Children.Keys.Select(k => k.ToString()))
        {
            if (!allowed.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal) && key != "<<")
            {
                Problem($"{where}: '{key}' is not a Compose Specification key");
            }
        }
    }

    /// <summary>A Go duration as Compose parses it (e.g. 5s, 1m30s, 250ms).</summary>
    internal static bool IsDuration(string value) => Duration().IsMatch(value);

    internal static bool IsPort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535;

    private void CheckInterpolation(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is { } value:
                var (references, problem) = ComposeInterpolation.Parse(value);
                if (problem is not null)
                {
                    Problem($"{path}: {problem}");
                }

                foreach (var reference in references.Where(r => !r.HasDefaultOrRequired && !definedVariables.Contains(r.Name)))
                {
                    Problem($"{path}: ${{{reference.Name}}} has no default or required marker and is not in deploy/compose.env.example");
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, child) in mapping.Children)
                {
                    CheckInterpolation(child, path + "/" + key);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    CheckInterpolation(child, path + "[]");
                }

                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex Duration();
}
