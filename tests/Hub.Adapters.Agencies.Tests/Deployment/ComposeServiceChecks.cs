using YamlDotNet.RepresentationModel;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>The per-service checks of <see cref="ComposeValidator"/>.</summary>
internal static class ComposeServiceChecks
{
    public static void Check(ComposeValidator validator, YamlMappingNode top, YamlMappingNode services, string name, YamlMappingNode service)
    {
        validator.CheckKeys(service, ComposeSpecKeys.Service, $"service {name}");
        if (!service.Children.ContainsKey("image") && !service.Children.ContainsKey("build"))
        {
            validator.Problem($"service {name} has neither image nor build");
        }

        if (Scalar(service, "image") is { } image)
        {
            var tag = image.Contains('@', StringComparison.Ordinal) ? "digest" : image[(image.LastIndexOf('/') + 1)..].Split(':').ElementAtOrDefault(1);
            if (string.IsNullOrEmpty(tag) || tag == "latest")
            {
                validator.Problem($"service {name}: image '{image}' is not pinned to a version");
            }
        }

        if (Scalar(service, "restart") is { } restart && !ComposeSpecKeys.Restart.Contains(restart) && !restart.StartsWith("on-failure:", StringComparison.Ordinal))
        {
            validator.Problem($"service {name}: restart '{restart}' is not a restart policy");
        }

        CheckBuild(validator, name, service);
        CheckHealthcheck(validator, name, service);
        CheckDependsOn(validator, services, name, service);
        ComposeResourceChecks.CheckVolumes(validator, top, name, service);
        ComposeResourceChecks.CheckDeclared(validator, top, name, service, "networks");
        ComposeResourceChecks.CheckDeclared(validator, top, name, service, "secrets");
        ComposeResourceChecks.CheckDeclared(validator, top, name, service, "configs");
        ComposeResourceChecks.CheckEnvFiles(validator, name, service);
        ComposeResourceChecks.CheckPorts(validator, name, service);
    }

    internal static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static void CheckBuild(ComposeValidator validator, string name, YamlMappingNode service)
    {
        if (!service.Children.TryGetValue("build", out var build))
        {
            return;
        }

        var context = build is YamlScalarNode s ? s.Value! : Scalar((YamlMappingNode)build, "context") ?? ".";
        var contextPath = Path.GetFullPath(Path.Combine(validator.Root, context));
        if (!Directory.Exists(contextPath))
        {
            validator.Problem($"service {name}: build context '{context}' does not exist");
            return;
        }

        if (build is YamlMappingNode map)
        {
            validator.CheckKeys(map, ComposeSpecKeys.Build, $"service {name} build");
            var dockerfile = Scalar(map, "dockerfile") ?? "Dockerfile";
            if (!File.Exists(Path.Combine(contextPath, dockerfile)))
            {
                validator.Problem($"service {name}: Dockerfile '{dockerfile}' does not exist in '{context}'");
            }
        }
    }

    private static void CheckHealthcheck(ComposeValidator validator, string name, YamlMappingNode service)
    {
        if (!service.Children.TryGetValue("healthcheck", out var node) || node is not YamlMappingNode healthcheck)
        {
            return;
        }

        validator.CheckKeys(healthcheck, ComposeSpecKeys.Healthcheck, $"service {name} healthcheck");
        foreach (var key in new[] { "interval", "timeout", "start_period", "start_interval" })
        {
            if (Scalar(healthcheck, key) is { } value && !ComposeValidator.IsDuration(value))
            {
                validator.Problem($"service {name} healthcheck: {key} '{value}' is not a duration");
            }
        }

        if (Scalar(healthcheck, "retries") is { } retries && !uint.TryParse(retries, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            validator.Problem($"service {name} healthcheck: retries '{retries}' is not a number");
        }

        if (healthcheck.Children.TryGetValue("test", out var test) && test is YamlSequenceNode sequence
            && sequence.Children.FirstOrDefault()?.ToString() is not ("CMD" or "CMD-SHELL" or "NONE"))
        {
            validator.Problem($"service {name} healthcheck: test must start with CMD, CMD-SHELL or NONE");
        }
    }

    private static void CheckDependsOn(ComposeValidator validator, YamlMappingNode services, string name, YamlMappingNode service)
    {
        if (!service.Children.TryGetValue("depends_on", out var dependsOn))
        {
            return;
        }

        var targets = dependsOn switch
        {
            YamlSequenceNode list => list.Children.Select(c => (c.ToString(), (string?)"service_started")),
            YamlMappingNode map => map.Children.Select(c => (c.Key.ToString(), c.Value is YamlMappingNode d ? Scalar(d, "condition") ?? "service_started" : null)),
            _ => [],
        };
        foreach (var (target, condition) in targets)
        {
            if (!services.Children.ContainsKey(target))
            {
                validator.Problem($"service {name} depends on '{target}', which is not a service");
            }

            if (condition is null || !ComposeSpecKeys.DependsOnConditions.Contains(condition))
            {
                validator.Problem($"service {name} depends on '{target}' with invalid condition '{condition}'");
            }
        }
    }
}
