using Hub.Adapters.Agencies.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>Structural checks on docker-compose.yml, so CI catches a broken stack file without a Docker engine.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Agencies = ["police", "probation", "jcp", "nhs", "council"];
    private static readonly string[] Conditions = ["service_started", "service_healthy", "service_completed_successfully"];
    private readonly YamlMappingNode _services = LoadServices();

    [Fact]
    public void When_the_stack_is_composed_should_run_the_router_and_an_adapter_per_agency_with_its_own_broker_user()
    {
        foreach (var agency in Agencies)
        {
            var adapter = Service($"adapter-{agency}");
            Scalar(Map(adapter, "environment"), "Broker__Username").ShouldBe($"adapter-{agency}");
            Scalar(Map(adapter, "environment"), "Broker__Password").ShouldStartWith($"${{AGENCYHUB_BROKER_PASSWORD_ADAPTER_{agency.ToUpperInvariant()}");
            File.Exists(RepoPaths.File(Scalar(Map(adapter, "build"), "dockerfile").Split('/'))).ShouldBeTrue();
        }

        _services.Children.Keys.Select(k => k.ToString()).ShouldContain("router");
    }

    [Fact]
    public void When_the_router_runs_should_hold_no_schema_owner_credential_and_start_after_the_migration_step()
    {
        var router = Service("router");
        var migrate = Service("ledger-migrate");

        Map(router, "environment").Children.Keys.Select(k => k.ToString()).ShouldNotContain("ConnectionStrings__LedgerAdmin");
        Scalar(Map(Map(router, "depends_on"), "ledger-migrate"), "condition").ShouldBe("service_completed_successfully");
        ((YamlSequenceNode)migrate.Children["command"]).Children.Select(c => c.ToString()).ShouldBe(["migrate"]);
        Scalar(Map(migrate, "environment"), "Ledger__RuntimeRole").ShouldBe("hub_router");
    }

    [Fact]
    public void When_a_service_uses_an_image_should_pin_it_and_every_service_should_have_a_health_check()
    {
        foreach (var (name, node) in _services.Children)
        {
            var service = (YamlMappingNode)node;
            if (service.Children.ContainsKey("image"))
            {
                var image = Scalar(service, "image");
                image.ShouldContain(':', $"{name} image is not pinned");
                image.ShouldNotEndWith(":latest");
            }

            service.Children.ContainsKey("healthcheck").ShouldBeTrue($"{name} has no healthcheck");
        }
    }

    [Fact]
    public void When_a_service_depends_on_another_should_name_an_existing_service_and_a_valid_condition()
    {
        foreach (var (name, node) in _services.Children)
        {
            if (!((YamlMappingNode)node).Children.TryGetValue("depends_on", out var dependsOn))
            {
                continue;
            }

            foreach (var (dependency, detail) in ((YamlMappingNode)dependsOn).Children)
            {
                _services.Children.ContainsKey(dependency).ShouldBeTrue($"{name} depends on unknown {dependency}");
                Conditions.ShouldContain(Scalar((YamlMappingNode)detail, "condition"));
            }
        }
    }

    [Fact]
    public void When_an_environment_value_is_a_secret_should_come_from_the_env_file()
    {
        foreach (var (name, node) in _services.Children)
        {
            if (!((YamlMappingNode)node).Children.TryGetValue("environment", out var environment) || environment is not YamlMappingNode variables)
            {
                continue;
            }

            foreach (var (key, value) in variables.Children)
            {
                if (key.ToString().Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || key.ToString().Contains("Key", StringComparison.Ordinal))
                {
                    value.ToString().ShouldContain("${", customMessage: $"{name}.{key} is a literal secret");
                }
            }
        }
    }

    [Fact]
    public void When_the_compose_file_mounts_a_host_file_should_exist_in_the_repository()
    {
        foreach (var (_, node) in _services.Children)
        {
            if (!((YamlMappingNode)node).Children.TryGetValue("volumes", out var volumes))
            {
                continue;
            }

            foreach (var mount in ((YamlSequenceNode)volumes).Children.Select(v => v.ToString()).Where(v => v.StartsWith("./", StringComparison.Ordinal)))
            {
                var hostPath = RepoPaths.File(mount.Split(':')[0][2..].Split('/'));
                (File.Exists(hostPath) || Directory.Exists(hostPath)).ShouldBeTrue(mount);
            }
        }
    }

    private YamlMappingNode Service(string name) => (YamlMappingNode)_services.Children[name];

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;

    private static YamlMappingNode LoadServices()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepoPaths.File("docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children["services"];
    }
}
