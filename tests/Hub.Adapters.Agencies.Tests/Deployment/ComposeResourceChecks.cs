using YamlDotNet.RepresentationModel;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>Volumes, declared resources, env files and ports of one service, for <see cref="ComposeValidator"/>.</summary>
internal static class ComposeResourceChecks
{
    /// <summary>
    /// Made by <c>deploy/tls/make-compose-certs.sh</c> before the first <c>up</c>, never committed; ComposeFileTests
    /// runs the script and checks it makes every file mounted from here.
    /// </summary>
    public const string GeneratedCertificates = "./deploy/tls/compose/tls";

    public static void CheckVolumes(ComposeValidator validator, YamlMappingNode top, string name, YamlMappingNode service)
    {
        if (!service.Children.TryGetValue("volumes", out var node) || node is not YamlSequenceNode volumes)
        {
            return;
        }

        foreach (var volume in volumes.Children)
        {
            var (type, source) = volume is YamlMappingNode longSyntax
                ? (ComposeServiceChecks.Scalar(longSyntax, "type") ?? "volume", ComposeServiceChecks.Scalar(longSyntax, "source"))
                : ShortSyntax(volume.ToString());
            if (source is null || type is "tmpfs")
            {
                continue;
            }

            if (type == "bind")
            {
                if (!source.StartsWith(GeneratedCertificates, StringComparison.Ordinal)
                    && (!source.StartsWith('.') || !Path.Exists(Path.GetFullPath(Path.Combine(validator.Root, source)))))
                {
                    validator.Problem($"service {name}: bind mount source '{source}' is not a path in the repository");
                }
            }
            else if (!Declared(top, "volumes", source))
            {
                validator.Problem($"service {name}: volume '{source}' is not declared under top-level volumes");
            }
        }
    }

    public static void CheckDeclared(ComposeValidator validator, YamlMappingNode top, string name, YamlMappingNode service, string kind)
    {
        if (!service.Children.TryGetValue(kind, out var node))
        {
            return;
        }

        var used = node switch
        {
            YamlSequenceNode list => list.Children.Select(c => c is YamlMappingNode m ? ComposeServiceChecks.Scalar(m, "source") ?? "" : c.ToString()),
            YamlMappingNode map => map.Children.Keys.Select(k => k.ToString()),
            _ => [],
        };
        foreach (var resource in used.Where(r => !(kind == "networks" && r == "default") && !Declared(top, kind, r)))
        {
            validator.Problem($"service {name}: {kind} '{resource}' is not declared at the top level");
        }
    }

    public static void CheckEnvFiles(ComposeValidator validator, string name, YamlMappingNode service)
    {
        if (!service.Children.TryGetValue("env_file", out var node))
        {
            return;
        }

        var files = node switch
        {
            YamlScalarNode one => [one.Value!],
            YamlSequenceNode list => list.Children.Select(c => c is YamlMappingNode m ? ComposeServiceChecks.Scalar(m, "path") ?? "" : c.ToString()),
            _ => [],
        };
        foreach (var file in files.Where(f => !File.Exists(Path.Combine(validator.Root, f))))
        {
            validator.Problem($"service {name}: env_file '{file}' does not exist");
        }
    }

    public static void CheckPorts(ComposeValidator validator, string name, YamlMappingNode service)
    {
        if (!service.Children.TryGetValue("ports", out var node) || node is not YamlSequenceNode ports)
        {
            return;
        }

        foreach (var port in ports.Children)
        {
            var numbers = port is YamlMappingNode m
                ? new[] { ComposeServiceChecks.Scalar(m, "target"), ComposeServiceChecks.Scalar(m, "published") }.OfType<string>()
                : ShortPort(port.ToString()).AsEnumerable();
            foreach (var number in numbers.SelectMany(n => n.Split('-')))
            {
                if (!ComposeValidator.IsPort(number))
                {
                    validator.Problem($"service {name}: port '{port}' has invalid port number '{number}'");
                }
            }
        }
    }

    /// <summary>[ip:][host:]container[/protocol]: the numbers, without the IP and protocol.</summary>
    private static string[] ShortPort(string port)
    {
        var parts = port.Split('/')[0].Split(':');
        return parts.Length == 3 ? parts[1..] : parts;
    }

    private static (string Type, string? Source) ShortSyntax(string volume)
    {
        var parts = volume.Split(':');
        if (parts.Length == 1)
        {
            return ("volume", null);
        }

        return (parts[0].StartsWith('.') || parts[0].StartsWith('/') || parts[0].StartsWith('~') ? "bind" : "volume", parts[0]);
    }

    private static bool Declared(YamlMappingNode top, string kind, string name) =>
        top.Children.TryGetValue(kind, out var declared) && declared is YamlMappingNode map && map.Children.ContainsKey(name);
}
