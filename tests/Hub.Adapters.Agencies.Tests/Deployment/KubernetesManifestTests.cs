using YamlDotNet.RepresentationModel;
using static Hub.Adapters.Agencies.Tests.Deployment.KubernetesManifests;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>Structural checks on deploy/k8s/base, so CI catches an unsafe or incomplete manifest without a cluster.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly string[] Agencies = ["police", "probation", "jcp", "nhs", "council"];

    private static IEnumerable<(string File, string Deployment, YamlMappingNode Container)> Containers() =>
        All().Where(m => Text(m.Document, "kind") == "Deployment")
            .SelectMany(m => ((YamlSequenceNode)At(m.Document, "spec", "template", "spec", "containers")!).Children
                .Select(c => (m.File, Text(m.Document, "metadata", "name")!, (YamlMappingNode)c)));

    [Fact]
    public void When_the_base_is_built_should_list_every_manifest_file_and_no_example_secret()
    {
        var listed = ((YamlSequenceNode)At(Load(Path.Combine(BaseFolder, "kustomization.yaml")).Single(), "resources")!).Children.Select(r => r.ToString()).ToList();
        var files = Directory.GetFiles(BaseFolder, "*.yaml").Select(Path.GetFileName).Where(f => f is not "kustomization.yaml" and not "secret.example.yaml");

        listed.ShouldBe(files, ignoreOrder: true);
        listed.ShouldNotContain("secret.example.yaml");
    }

    [Fact]
    public void When_the_base_is_applied_should_deploy_the_router_and_an_adapter_per_agency_each_with_a_disruption_budget()
    {
        var deployments = Containers().Select(c => c.Deployment).ToList();
        deployments.ShouldBe(["router", .. Agencies.Select(a => "adapter-" + a)], ignoreOrder: true);
        var budgets = All().Where(m => Text(m.Document, "kind") == "PodDisruptionBudget").Select(m => Text(m.Document, "spec", "selector", "matchLabels", "app.kubernetes.io/name")).ToList();
        budgets.ShouldBe(deployments, ignoreOrder: true);
        All().ShouldContain(m => Text(m.Document, "kind") == "Service" && Text(m.Document, "metadata", "name") == "router");
        All().ShouldContain(m => Text(m.Document, "kind") == "ConfigMap" && Text(m.Document, "metadata", "name") == "agencyhub-agreements");
    }

    [Fact]
    public void When_a_container_runs_should_probe_the_health_port_and_have_resources_and_a_non_root_read_only_context()
    {
        foreach (var (file, name, container) in Containers())
        {
            var port = ((YamlSequenceNode)At(container, "ports")!).Children.Single(p => Text(p, "name") == "health");
            Text(port, "containerPort").ShouldBe("8081", file);
            Env(container)["Health__Urls"].ShouldBe("http://+:8081", file);
            Text(container, "livenessProbe", "httpGet", "path").ShouldBe("/health/live", file);
            Text(container, "readinessProbe", "httpGet", "path").ShouldBe("/health/ready", file);
            Text(container, "livenessProbe", "httpGet", "port").ShouldBe("health", file);
            Text(container, "readinessProbe", "httpGet", "port").ShouldBe("health", file);
            foreach (var bound in new[] { "requests", "limits" })
            {
                Text(container, "resources", bound, "cpu").ShouldNotBeNullOrEmpty($"{name} {bound} cpu");
                Text(container, "resources", bound, "memory").ShouldNotBeNullOrEmpty($"{name} {bound} memory");
            }

            Text(container, "securityContext", "runAsNonRoot").ShouldBe("true", name);
            Text(container, "securityContext", "readOnlyRootFilesystem").ShouldBe("true", name);
            Text(container, "securityContext", "allowPrivilegeEscalation").ShouldBe("false", name);
            ((YamlSequenceNode)At(container, "volumeMounts")!).Children.ShouldContain(m => Text(m, "mountPath") == "/tmp", $"{name} has no writable /tmp");
        }
    }

    [Fact]
    public void When_a_container_needs_a_secret_should_read_it_from_a_secret_and_use_its_own_broker_user()
    {
        foreach (var (_, name, container) in Containers())
        {
            foreach (var variable in ((YamlSequenceNode)At(container, "env")!).Children)
            {
                var key = Text(variable, "name")!;
                if (key.Contains("Password", StringComparison.OrdinalIgnoreCase) || key.Contains("Key", StringComparison.Ordinal) || key.Contains("Token", StringComparison.Ordinal) || key.Contains("ConnectionString", StringComparison.Ordinal))
                {
                    At(variable, "value").ShouldBeNull($"{name}.{key} is a literal");
                    Text(variable, "valueFrom", "secretKeyRef", "name").ShouldNotBeNullOrEmpty($"{name}.{key} is not from a secret");
                }
            }

            var user = Env(container)["Broker__Username"];
            user.ShouldBe(name == "router" ? "hub-router" : name, $"{name} must log in as its own broker user");
            Text(((YamlSequenceNode)At(container, "env")!).Children.Single(v => Text(v, "name") == "Broker__Password"), "valueFrom", "secretKeyRef", "key").ShouldBe(user);
            if (name != "router")
            {
                Env(container)["Adapter__Agency"].ShouldBe(name["adapter-".Length..]);
            }
        }
    }

    [Fact]
    public void When_the_router_runs_should_hold_no_schema_owner_credential_which_only_the_migration_job_reads()
    {
        var router = Containers().Single(c => c.Deployment == "router").Container;
        var job = All().Single(m => Text(m.Document, "kind") == "Job" && Text(m.Document, "metadata", "name") == "ledger-migrate").Document;
        var migrate = (YamlMappingNode)((YamlSequenceNode)At(job, "spec", "template", "spec", "containers")!).Children.Single();

        Env(router).Keys.ShouldNotContain("ConnectionStrings__LedgerAdmin");
        ((YamlSequenceNode)At(migrate, "args")!).Children.Select(a => a.ToString()).ShouldBe(["migrate"]);
        Text(migrate, "image").ShouldBe(Text(router, "image"));
        var owner = ((YamlSequenceNode)At(migrate, "env")!).Children.Single(v => Text(v, "name") == "ConnectionStrings__LedgerAdmin");
        Text(owner, "valueFrom", "secretKeyRef", "name").ShouldBe("agencyhub-ledger-migration");
        All().Where(m => Text(m.Document, "kind") == "Deployment").ShouldAllBe(m => !Flatten(m.Document).Contains("agencyhub-ledger-migration"));
    }

    [Fact]
    public void When_the_outbox_retention_job_runs_should_use_the_router_image_as_owner_nightly_and_never_overlap()
    {
        var router = Containers().Single(c => c.Deployment == "router").Container;
        var cron = All().Single(m => Text(m.Document, "kind") == "CronJob" && Text(m.Document, "metadata", "name") == "ledger-retention").Document;
        var prune = (YamlMappingNode)((YamlSequenceNode)At(cron, "spec", "jobTemplate", "spec", "template", "spec", "containers")!).Children.Single();

        ((YamlSequenceNode)At(prune, "args")!).Children.Select(a => a.ToString()).ShouldBe(["prune-outbox"]);
        Text(prune, "image").ShouldBe(Text(router, "image"));
        Text(cron, "spec", "concurrencyPolicy").ShouldBe("Forbid");
        var env = ((YamlSequenceNode)At(prune, "env")!).Children.ToDictionary(v => Text(v, "name")!, v => v, StringComparer.Ordinal);
        Text(env["ConnectionStrings__LedgerAdmin"], "valueFrom", "secretKeyRef", "name").ShouldBe("agencyhub-ledger-migration");
        TimeSpan.Parse(Text(env["Ledger__OutboxRetention"], "value")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(1));
    }

    [Fact]
    public void When_a_container_names_an_image_should_pin_its_tag()
    {
        foreach (var (_, name, container) in Containers())
        {
            var image = Text(container, "image")!;
            var tag = image[(image.LastIndexOf('/') + 1)..].Split(':').ElementAtOrDefault(1);
            tag.ShouldNotBeNullOrEmpty($"{name} image is not pinned");
            tag.ShouldNotBe("latest");
        }
    }

    [Fact]
    public void When_an_adapter_runs_replicated_should_deliver_to_a_durable_sink_and_share_its_dedupe_store()
    {
        foreach (var (file, name, container) in Containers().Where(c => c.Deployment != "router"))
        {
            var env = Env(container);
            env["Adapter__Sink__Kind"].ShouldBe("Webhook", $"{file}: the in-memory sink would lose deliveries");
            env["Adapter__Deduplication__Kind"].ShouldBe("Postgres", $"{file}: replicas must share handled delivery ids");
            env.ContainsKey("Adapter__Sources__DropFolder__Enabled").ShouldBeFalse($"{file}: two replicas would both read one drop folder");
            if (name != "adapter-police")
            {
                env["Adapter__Sources__Http__Enabled"].ShouldBe("true", file);
            }
        }
    }

    private static Dictionary<string, string?> Env(YamlMappingNode container) =>
        ((YamlSequenceNode)At(container, "env")!).Children.ToDictionary(v => Text(v, "name")!, v => Text(v, "value"), StringComparer.Ordinal);

    private static string Flatten(YamlNode node) => node switch
    {
        YamlMappingNode map => string.Join(' ', map.Children.Select(c => Flatten(c.Key) + " " + Flatten(c.Value))),
        YamlSequenceNode sequence => string.Join(' ', sequence.Children.Select(Flatten)),
        _ => node.ToString(),
    };
}
