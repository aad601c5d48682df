using YamlDotNet.RepresentationModel;
using static Hub.Adapters.Agencies.Tests.Deployment.KubernetesManifests;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>
/// deploy/k8s/base allows only the paths of the architecture: everything denied by default, each workload covered by
/// its own policy with named ports, the broker on AMQPS (5671) only and never plain AMQP (5672).
/// </summary>
public sealed class KubernetesNetworkPolicyTests
{
    private const string PlainAmqp = "5672";

    private static IEnumerable<YamlMappingNode> Policies() =>
        All().Where(m => m.File != "secret.example.yaml" && Text(m.Document, "kind") == "NetworkPolicy").Select(m => m.Document);

    private static YamlMappingNode Policy(string name) => Policies().Single(p => Text(p, "metadata", "name") == name);

    /// <summary>Every Deployment, Job and CronJob, with the labels of the pods it runs.</summary>
    private static IEnumerable<(string Name, Dictionary<string, string> Labels, YamlMappingNode Container)> Workloads() =>
        All().Where(m => Text(m.Document, "kind") is "Deployment" or "Job" or "CronJob").SelectMany(m =>
        {
            var template = Text(m.Document, "kind") == "CronJob" ? At(m.Document, "spec", "jobTemplate", "spec", "template")! : At(m.Document, "spec", "template")!;
            return ((YamlSequenceNode)At((YamlMappingNode)template, "spec", "containers")!).Children.Select(c =>
                (Text(m.Document, "metadata", "name")!, Labels(At((YamlMappingNode)template, "metadata", "labels")), (YamlMappingNode)c));
        });

    /// <summary>The owner's jobs: schema migration and retention, which reach Postgres only.</summary>
    private static readonly string[] OwnerJobs = ["ledger-migrate", "ledger-retention"];

    [Fact]
    public void When_the_base_is_applied_should_deny_all_ingress_and_egress_unless_a_policy_allows_it()
    {
        var deny = Policy("default-deny");

        ((YamlMappingNode)At(deny, "spec", "podSelector")!).Children.ShouldBeEmpty();
        Types(deny).ShouldBe(["Egress", "Ingress"]);
        At(deny, "spec", "ingress").ShouldBeNull();
        At(deny, "spec", "egress").ShouldBeNull();
    }

    [Fact]
    public void When_a_workload_runs_should_be_selected_by_its_own_policy_for_both_directions()
    {
        var workloads = Workloads().ToList();
        workloads.Select(w => w.Name).ShouldContain("ledger-migrate");
        workloads.Select(w => w.Name).ShouldContain("ledger-retention");
        workloads.Select(w => w.Name).ShouldContain("router");

        foreach (var (name, labels, _) in workloads)
        {
            var own = Policies().Where(p => Selector(p).Count > 0 && Selector(p).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
            own.ShouldNotBeEmpty($"{name} is selected by no policy of its own");
            own.ShouldContain(p => Types(p).Count == 2, $"{name} has no policy for both directions");
        }
    }

    [Fact]
    public void When_a_policy_allows_traffic_should_name_its_ports_and_never_plain_amqp()
    {
        foreach (var policy in Policies())
        {
            foreach (var rule in Rules(policy, "ingress").Concat(Rules(policy, "egress")))
            {
                var ports = Ports(rule);
                ports.ShouldNotBeEmpty($"{Text(policy, "metadata", "name")} has a rule for every port");
                ports.ShouldNotContain(PlainAmqp);
            }
        }
    }

    [Fact]
    public void When_the_router_and_the_migration_step_run_should_reach_only_the_broker_over_amqps_and_postgres()
    {
        EgressPorts("router").ShouldBe(["5432", "5671"]);
        IngressPorts("router").ShouldBe(["8081"]);
        foreach (var job in OwnerJobs)
        {
            EgressPorts(job).ShouldBe(["5432"], job);
            IngressPorts(job).ShouldBeEmpty(job);
        }

        EgressPorts("allow-dns").ShouldBe(["53", "53"]);
    }

    [Fact]
    public void When_an_adapter_runs_should_reach_the_broker_over_amqps_its_case_system_and_database_and_take_only_ingest_and_scrapes()
    {
        var adapters = Policy("adapters");
        Selector(adapters).ShouldBe(new Dictionary<string, string> { ["app.kubernetes.io/component"] = "adapter" });
        EgressPorts("adapters").ShouldBe(["443", "5432", "5671"]);
        IngressPorts("adapters").ShouldBe(["8080", "8081"]);

        // The broker is reached in its own namespace only, and on 5671 alone.
        var broker = Rules(adapters, "egress").Single(r => Ports(r).Contains("5671"));
        Ports(broker).ShouldBe(["5671"]);
        Text(((YamlSequenceNode)At(broker, "to")!).Children.Single(), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name").ShouldBe("agencyhub-data");
    }

    [Fact]
    public void When_a_process_connects_to_the_broker_should_use_amqps_on_5671_and_verify_against_the_broker_ca()
    {
        var broker = All().Single(m => Text(m.Document, "kind") == "ConfigMap" && Text(m.Document, "metadata", "name") == "agencyhub-broker").Document;
        Text(broker, "data", "port").ShouldBe("5671");
        Text(broker, "data", "tls").ShouldBe("true");

        foreach (var (name, _, container) in Workloads().Where(w => !OwnerJobs.Contains(w.Name)))
        {
            var env = ((YamlSequenceNode)At(container, "env")!).Children.ToDictionary(v => Text(v, "name")!, v => v, StringComparer.Ordinal);
            Text(env["Broker__Port"], "valueFrom", "configMapKeyRef", "key").ShouldBe("port", name);
            Text(env["Broker__Tls__Enabled"], "valueFrom", "configMapKeyRef", "key").ShouldBe("tls", name);
            var caFile = Text(env["Broker__Tls__CaFile"], "value")!;
            ((YamlSequenceNode)At(container, "volumeMounts")!).Children.ShouldContain(m => caFile.StartsWith(Text(m, "mountPath")! + "/", StringComparison.Ordinal), $"{name} does not mount {caFile}");
        }
    }

    [Fact]
    public void When_an_adapter_takes_plain_http_should_declare_the_tls_terminating_ingress_in_front()
    {
        foreach (var (name, _, container) in Workloads())
        {
            var env = ((YamlSequenceNode)At(container, "env")!).Children.ToDictionary(v => Text(v, "name")!, v => Text(v, "value"), StringComparer.Ordinal);
            if (env.TryGetValue("Adapter__Sources__Http__Urls", out var urls) && urls!.StartsWith("http://", StringComparison.Ordinal))
            {
                env["Adapter__Sources__Http__AllowPlainHttpBehindTlsProxy"].ShouldBe("true", name);
            }
        }
    }

    private static Dictionary<string, string> Labels(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.ToDictionary(c => c.Key.ToString(), c => c.Value.ToString(), StringComparer.Ordinal) : new Dictionary<string, string>();

    private static Dictionary<string, string> Selector(YamlMappingNode policy) => Labels(At(policy, "spec", "podSelector", "matchLabels"));

    private static List<string> Types(YamlMappingNode policy) =>
        [.. ((YamlSequenceNode)At(policy, "spec", "policyTypes")!).Children.Select(t => t.ToString()).Order(StringComparer.Ordinal)];

    private static IEnumerable<YamlMappingNode> Rules(YamlMappingNode policy, string direction) =>
        At(policy, "spec", direction) is YamlSequenceNode rules ? rules.Children.Cast<YamlMappingNode>() : [];

    private static List<string> Ports(YamlMappingNode rule) =>
        At(rule, "ports") is YamlSequenceNode ports ? [.. ports.Children.Select(p => Text(p, "port")!)] : [];

    private static List<string> EgressPorts(string policy) => [.. Rules(Policy(policy), "egress").SelectMany(Ports).Order(StringComparer.Ordinal)];

    private static List<string> IngressPorts(string policy) => [.. Rules(Policy(policy), "ingress").SelectMany(Ports).Order(StringComparer.Ordinal)];
}
