using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Router.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Hub.Router.Tests.Metrics;

/// <summary>
/// The Grafana dashboards and the Prometheus alert rules in deploy/ may only query series the code exports, with
/// labels it sets: renaming a metric or a label without updating them fails here, not silently on a live dashboard.
/// </summary>
public sealed partial class DeployReferencesTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    /// <summary>PromQL functions, operators and keywords the deploy files use; anything else must be a series name.</summary>
    private static readonly HashSet<string> PromQlWords =
    [
        "sum", "max", "min", "avg", "count", "rate", "increase", "delta", "histogram_quantile", "absent", "by", "without",
        "and", "or", "unless", "offset", "on", "ignoring", "group_left", "group_right", "bool", "vector", "label_replace",
    ];

    /// <summary>Series from Prometheus itself, not from the hub.</summary>
    private static readonly HashSet<string> PrometheusSeries = ["up"];

    private static string Repository => RepositoryRoot.Path;

    public static TheoryData<string> Dashboards() => [.. Directory.GetFiles(Path.Combine(Repository, "deploy", "grafana", "dashboards"), "*.json").Select(f => Path.GetFileName(f))];

    public static TheoryData<string> RuleFiles() => [.. Directory.GetFiles(Path.Combine(Repository, "deploy", "prometheus", "rules"), "*.yml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Dashboards))]
    public void When_a_dashboard_is_loaded_should_parse_and_query_only_exported_series_and_labels(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository, "deploy", "grafana", "dashboards", file)));
        var root = json.RootElement;
        root.GetProperty("uid").GetString().ShouldNotBeNullOrWhiteSpace();
        var expressions = Panels(root.GetProperty("panels"))
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (Panel: p.GetProperty("title").GetString()!, Expr: t.GetProperty("expr").GetString()!)))
            .ToList();

        expressions.Count.ShouldBeGreaterThan(10);
        var exported = ExportedMetrics.SeriesNames(agreements.Path);
        foreach (var (panel, expr) in expressions)
        {
            Problems(expr, exported).ShouldBeEmpty($"panel '{panel}': {expr}");
        }

        foreach (var variable in root.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            var query = LabelValues().Match(variable.GetProperty("definition").GetString()!);
            query.Success.ShouldBeTrue($"variable {variable.GetProperty("name").GetString()} is a label_values(series, label) query");
            exported.ShouldContain(query.Groups[1].Value);
            ExportedMetrics.LabelNames.ShouldContain(query.Groups[2].Value);
        }
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void When_alert_rules_are_loaded_should_query_only_exported_series_and_labels(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repository, "deploy", "prometheus", "rules", file)))
        {
            yaml.Load(reader);
        }

        var rules = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"])
            .SelectMany(g => (YamlSequenceNode)((YamlMappingNode)g)["rules"])
            .Cast<YamlMappingNode>()
            .ToList();

        rules.Count.ShouldBeGreaterThan(5);
        var exported = ExportedMetrics.SeriesNames(agreements.Path);
        foreach (var rule in rules)
        {
            var name = rule["alert"].ToString();
            var expr = rule["expr"].ToString();
            Problems(expr, exported).ShouldBeEmpty($"alert {name}: {expr}");
            var annotations = string.Join("\n", ((YamlMappingNode)rule["annotations"]).Children.Values.Select(v => v.ToString()));
            foreach (Match label in TemplateLabel().Matches(annotations))
            {
                ExportedMetrics.LabelNames.ShouldContain(label.Groups[1].Value, $"alert {name} annotation uses $labels.{label.Groups[1].Value}");
            }
        }

        rules.Select(r => r["alert"].ToString()).ShouldBe(
            ["AgencyHubRouterDown", "AgencyHubAdapterDown", "AgencyHubDeliveryQueueUnconsumed", "AgencyHubMetricsSamplingFailing", "AgencyHubDenialSpike",
             "AgencyHubIngressRejections", "AgencyHubRouterSlow", "AgencyHubDeliveryLagHigh", "AgencyHubQueueBacklog", "AgencyHubDeadLettersGrowing",
             "AgencyHubDeadLettersUndrained", "AgencyHubAgreementExpiringSoon", "AgencyHubAgreementExpiryImminent", "AgencyHubAgreementsRefused", "AgencyHubConsentRecallsOverdue"],
            ignoreOrder: true);
    }

    [Fact]
    public void When_an_expression_names_an_unknown_series_or_label_should_report_it()
    {
        var exported = ExportedMetrics.SeriesNames(agreements.Path);

        Problems("""sum by (agencyhub_outcome) (rate(agencyhub_router_decision_total[5m]))""", exported).ShouldBe(["unknown series agencyhub_router_decision_total"]);
        Problems("""sum by (subject_nhs_number) (rate(agencyhub_router_decisions_total[5m]))""", exported).ShouldBe(["unknown label subject_nhs_number"]);
        Problems("""max(agencyhub_broker_queue_messages{queue="x"})""", exported).ShouldBe(["unknown label queue"]);
        Problems("""sum(rate(agencyhub_router_decisions_total{agencyhub_outcome="denied"}[5m]))""", exported).ShouldBeEmpty();
    }

    /// <summary>Unknown series and labels of one PromQL expression.</summary>
    private static List<string> Problems(string expr, IReadOnlySet<string> exported)
    {
        var problems = new List<string>();
        var text = QuotedString().Replace(expr, "\"\"");
        foreach (Match matcher in Matchers().Matches(text))
        {
            problems.AddRange(LabelMatcher().Matches(matcher.Groups[1].Value).Select(m => m.Groups[1].Value).Where(l => !ExportedMetrics.LabelNames.Contains(l)).Select(l => "unknown label " + l));
        }

        foreach (Match grouping in Grouping().Matches(text))
        {
            problems.AddRange(grouping.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !ExportedMetrics.LabelNames.Contains(l)).Select(l => "unknown label " + l));
        }

        var bare = Grouping().Replace(Matchers().Replace(text, " "), " ");
        var series = Identifier().Matches(bare).Select(m => m.Value).Where(w => !PromQlWords.Contains(w)).ToList();
        problems.AddRange(series.Where(s => !exported.Contains(s) && !PrometheusSeries.Contains(s)).Select(s => "unknown series " + s));
        if (series.Count == 0)
        {
            problems.Add("no series");
        }

        return problems;
    }

    private static IEnumerable<JsonElement> Panels(JsonElement panels) =>
        panels.EnumerateArray().SelectMany(p => p.TryGetProperty("panels", out var nested) ? Panels(nested).Prepend(p) : [p]);

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Matchers();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)")]
    private static partial Regex LabelMatcher();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring)\s*\(([^)]*)\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^label_values\((\w+),\s*(\w+)\)$")]
    private static partial Regex LabelValues();

    [GeneratedRegex(@"\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)")]
    private static partial Regex TemplateLabel();
}
