using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Health;
using Hub.Router.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Health;

/// <summary>Readiness of the agreement set, on the real file provider over a real folder.</summary>
public sealed class AgreementSetHealthCheckTests : IDisposable
{
    private readonly AgreementsFolder _folder = new();

    [Fact]
    public async Task When_a_valid_set_is_loaded_should_be_healthy()
    {
        using var provider = new FileAgreementProvider(Options.Create(new RouterOptions { AgreementsPath = _folder.Path }), TimeProvider.System, UnobservedMetrics.Router, NullLogger<FileAgreementProvider>.Instance);

        (await new AgreementSetHealthCheck(provider).CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task When_the_last_change_was_refused_should_be_degraded_without_naming_the_error()
    {
        using var provider = new FileAgreementProvider(Options.Create(new RouterOptions { AgreementsPath = _folder.Path }), TimeProvider.System, UnobservedMetrics.Router, NullLogger<FileAgreementProvider>.Instance);
        var file = Path.Combine(_folder.Path, "dsa-t01-release.yaml");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("purpose: benefit-continuity", "purpose: benefits", StringComparison.Ordinal));
        (await provider.ReloadAsync()).ShouldBeFalse();

        var result = await new AgreementSetHealthCheck(provider).CheckHealthAsync(new HealthCheckContext());

        result.Status.ShouldBe(HealthStatus.Degraded, "the previous set keeps deciding, so the router stays ready");
        result.Description.ShouldNotBeNull().ShouldNotContain("benefits");
    }

    public void Dispose() => _folder.Dispose();
}
