namespace Hub.IntegrationTests.Metrics;

/// <summary>
/// deploy/prometheus as Prometheus itself reads it: the configuration and its rule files are valid, and the alert
/// rules' own unit tests (deploy/prometheus/tests) pass, each alert firing on its situation and quiet otherwise.
/// </summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task When_promtool_checks_the_deployed_configuration_should_accept_it_and_its_rule_files()
    {
        var (code, output) = await PrometheusPackage.PromtoolAsync("check", "config", "deploy/prometheus/prometheus.yml");

        code.ShouldBe(0, output);
        output.ShouldContain("SUCCESS: 1 rule files found");
    }

    [Fact]
    public async Task When_promtool_checks_the_alert_rules_should_accept_every_rule()
    {
        var (code, output) = await PrometheusPackage.PromtoolAsync("check", "rules", "deploy/prometheus/rules/agencyhub.yml");

        code.ShouldBe(0, output);
        output.ShouldContain("SUCCESS: 15 rules found");
    }

    [Fact]
    public async Task When_promtool_runs_the_alert_rule_unit_tests_should_pass_them_all()
    {
        var (code, output) = await PrometheusPackage.PromtoolAsync("test", "rules", "deploy/prometheus/tests/agencyhub.test.yml");

        code.ShouldBe(0, output);
        output.ShouldContain("SUCCESS");
    }
}
