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

            // Certificates are made by deploy/tls/make-compose-certs.sh, never committed: checked by the test below.
            foreach (var mount in ((YamlSequenceNode)volumes).Children.Select(v => v.ToString()).Where(v => v.StartsWith("./", StringComparison.Ordinal) && !v.StartsWith(CertificateMount, StringComparison.Ordinal)))
            {
                var hostPath = RepoPaths.File(mount.Split(':')[0][2..].Split('/'));
                (File.Exists(hostPath) || Directory.Exists(hostPath)).ShouldBeTrue(mount);
            }
        }
    }

    [Fact]
    public void When_a_service_talks_to_the_broker_or_the_ledger_should_use_tls_verified_against_the_compose_ca()
    {
        var broker = 0;
        foreach (var (name, node) in _services.Children)
        {
            var service = (YamlMappingNode)node;
            if (!service.Children.TryGetValue("environment", out var environmentNode) || environmentNode is not YamlMappingNode environment)
            {
                continue;
            }

            var values = environment.Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
            var mounts = service.Children.TryGetValue("volumes", out var volumes) ? ((YamlSequenceNode)volumes).Children.Select(v => v.ToString()).ToList() : [];
            if (values.ContainsKey("Broker__Host"))
            {
                broker++;
                (values.GetValueOrDefault("Broker__Port"), values.GetValueOrDefault("Broker__Tls__Enabled"), values.GetValueOrDefault("Broker__Tls__CaFile"))
                    .ShouldBe(("5671", "true", "/opt/agencyhub-tls/ca.pem"), name.ToString());
                mounts.ShouldContain(CertificateMount + "/ca.pem:/opt/agencyhub-tls/ca.pem:ro", name.ToString());
            }

            foreach (var (key, value) in values.Where(v => v.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
            {
                value.ShouldEndWith(";SSL Mode=VerifyFull;Root Certificate=/opt/agencyhub-tls/ca.pem", Case.Sensitive, $"{name} {key}");
                mounts.ShouldContain(CertificateMount + "/ca.pem:/opt/agencyhub-tls/ca.pem:ro", name.ToString());
            }
        }

        broker.ShouldBe(6, "the router and the five adapters");
        var ports = ((YamlSequenceNode)Service("rabbitmq").Children["ports"]).Children.Select(p => p.ToString()).ToList();
        ports.ShouldContain("127.0.0.1:5671:5671");
        ports.ShouldNotContain(p => p.EndsWith(":5672", StringComparison.Ordinal));
        File.ReadAllText(RepoPaths.File("deploy", "rabbitmq", "compose-entrypoint.sh")).ShouldContain("listeners.tcp = none");
        string.Join(' ', ((YamlSequenceNode)Service("postgres").Children["entrypoint"]).Children).ShouldContain("postgres -c ssl=on");
        File.ReadAllText(RepoPaths.File("deploy", "postgres", "20-require-tls.sh")).ShouldContain("hostnossl all all all reject");
    }

    [Fact]
    public void When_the_certificate_script_runs_should_make_every_file_compose_mounts_and_a_server_certificate_naming_both_services()
    {
        var folder = Directory.CreateTempSubdirectory("agencyhub-compose-tls-").FullName;
        try
        {
            Run("bash", RepoPaths.File("deploy", "tls", "make-compose-certs.sh"), folder).ShouldBe(0);
            foreach (var (_, node) in _services.Children)
            {
                var mounts = ((YamlMappingNode)node).Children.TryGetValue("volumes", out var volumes) ? ((YamlSequenceNode)volumes).Children.Select(v => v.ToString()) : [];
                foreach (var mount in mounts.Where(m => m.StartsWith(CertificateMount, StringComparison.Ordinal)))
                {
                    var host = mount.Split(':')[0];
                    var made = Path.Combine(folder, "tls", host.Length > CertificateMount.Length ? host[(CertificateMount.Length + 1)..] : string.Empty);
                    (File.Exists(made) || Directory.Exists(made)).ShouldBeTrue(mount);
                }
            }

            using var server = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, "tls", "server.pem")));
            server.MatchesHostname("rabbitmq").ShouldBeTrue();
            server.MatchesHostname("postgres").ShouldBeTrue();
            Run("openssl", $"verify -CAfile {Path.Combine(folder, "tls", "ca.pem")} {Path.Combine(folder, "tls", "server.pem")}", null).ShouldBe(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string CertificateMount = ComposeResourceChecks.GeneratedCertificates;

    private static int Run(string program, string arguments, string? extra) =>
        ProgramRun.RunAsync(program, (extra is null ? arguments : $"{arguments} {extra}").Split(' '), RepoPaths.Root, TimeSpan.FromMinutes(1)).GetAwaiter().GetResult().ExitCode;

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
