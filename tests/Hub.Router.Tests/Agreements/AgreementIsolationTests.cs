using System.Diagnostics.Metrics;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Health;
using Hub.Router.Metrics;
using Hub.Router.Tests.Metrics;
using Hub.Router.Tests.Support;
using Hub.ServiceDefaults.Metrics;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Agreements;

/// <summary>
/// One bad agreement file never stops the others (ADR 0017): the router starts and reloads without it, names its file
/// and line at Warning, counts it and reports Degraded; only an error that makes the whole set ambiguous stops it.
/// </summary>
public sealed class AgreementIsolationTests : IDisposable
{
    private const string Refused = "agencyhub.router.agreements.reload.refused";

    private readonly AgreementsFolder _folder = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingLogger<FileAgreementProvider> _log = new();

    private string ReleaseFile => Path.Combine(_folder.Path, "dsa-t01-release.yaml");

    private string BrokenFile => Path.Combine(_folder.Path, "dsa-t99-broken.yaml");

    [Fact]
    public async Task When_one_file_is_invalid_at_start_up_should_start_with_the_others_and_report_it()
    {
        await File.WriteAllTextAsync(BrokenFile, HostileYaml.DeepList("id: DSA-T99\n", "flows", 200));
        using var capture = new MetricCapture(Meters);

        using var provider = Start();

        Ids(provider).ShouldBe([AgreementsFolder.AgreementId, AgreementsFolder.ForbidAgreementId], ignoreOrder: true);
        provider.RefusedFiles.ShouldBe(["dsa-t99-broken.yaml"]);
        provider.LastRejection.ShouldHaveSingleItem().ToString().ShouldStartWith("dsa-t99-broken.yaml:2:");
        var warning = _log.Lines.Where(l => l.Message.Contains("refused", StringComparison.Ordinal)).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("dsa-t99-broken.yaml:2:");
        var counted = capture.Of(Refused).ShouldHaveSingleItem();
        (counted.Value, counted.Tag(HubMetricTags.RefusalScope)).ShouldBe((1, RefusalScopes.Agreement));
        (await new AgreementSetHealthCheck(provider).CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Degraded);
    }

    [Fact]
    public async Task When_an_edited_file_turns_invalid_should_keep_its_version_in_force_and_still_apply_a_new_agreement()
    {
        using var provider = Start();
        await File.WriteAllTextAsync(ReleaseFile, (await File.ReadAllTextAsync(ReleaseFile)).Replace("purpose: benefit-continuity", "purpose: benefits", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "dsa-t20-new.yaml"), (await File.ReadAllTextAsync(Path.Combine(_folder.Path, "dsa-t15-discharge.yaml"))).Replace(AgreementsFolder.ForbidAgreementId, "DSA-T20", StringComparison.Ordinal));

        (await provider.ReloadAsync()).ShouldBeTrue("the new agreement takes effect although another file was refused");

        var agreements = ((AgreementDecisionEngine)provider.Current).Agreements.Agreements;
        agreements.Select(a => a.Id).ShouldBe([AgreementsFolder.AgreementId, AgreementsFolder.ForbidAgreementId, "DSA-T20"], ignoreOrder: true);
        agreements.Single(a => a.Id == AgreementsFolder.AgreementId).Flows.Single(f => f.Id == AgreementsFolder.JcpFlow).Purpose.ShouldBe(AgreementsFolder.JcpPurpose, "the refused edit leaves the version in force deciding");
        provider.RefusedFiles.ShouldBe(["dsa-t01-release.yaml"]);
    }

    [Fact]
    public async Task When_the_refused_file_is_fixed_should_be_healthy_again()
    {
        await File.WriteAllTextAsync(BrokenFile, "id: [unclosed\n");
        using var provider = Start();

        File.Delete(BrokenFile);
        await provider.ReloadAsync();

        provider.LastRejection.ShouldBeEmpty();
        provider.RefusedFiles.ShouldBeEmpty();
        (await new AgreementSetHealthCheck(provider).CheckHealthAsync(new HealthCheckContext())).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task When_a_change_makes_the_set_ambiguous_should_refuse_it_whole_count_it_and_keep_the_previous_set()
    {
        using var capture = new MetricCapture(Meters);
        using var provider = Start();
        var before = provider.Current.AgreementSetHash;
        File.Copy(ReleaseFile, BrokenFile);

        (await provider.ReloadAsync()).ShouldBeFalse();

        provider.Current.AgreementSetHash.ShouldBe(before);
        provider.LastRejection.ShouldHaveSingleItem().Message.ShouldContain($"agreement id {AgreementsFolder.AgreementId} is defined in more than one file");
        capture.Of(Refused).ShouldHaveSingleItem().Tag(HubMetricTags.RefusalScope).ShouldBe(RefusalScopes.Set);
        _log.Lines.ShouldContain(l => l.Level == LogLevel.Warning && l.Message.Contains("dsa-t99-broken.yaml:1:5: error:", StringComparison.Ordinal));
        (await new AgreementSetHealthCheck(provider).CheckHealthAsync(new HealthCheckContext())).Description.ShouldBe("the last change to the agreements folder was refused; the previous set keeps deciding");
    }

    [Fact]
    public async Task When_participants_yaml_is_invalid_at_start_up_should_refuse_to_start_naming_its_file_and_line()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "participants.yaml"), "participants:\n  - code: Lambeth Council\n    name: Lambeth\n    kind: statutory\n");

        var ex = Should.Throw<AgreementValidationException>(Start);

        ex.Message.ShouldContain("participants.yaml:2:11: error:");
        _log.Lines.ShouldContain(l => l.Level == LogLevel.Critical && l.Message.Contains("participants.yaml:2:11: error:", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    private static IEnumerable<string> Ids(FileAgreementProvider provider) => ((AgreementDecisionEngine)provider.Current).Agreements.Agreements.Select(a => a.Id);

    private FileAgreementProvider Start() =>
        new(Options.Create(new RouterOptions { AgreementsPath = _folder.Path }), TimeProvider.System, new RouterMetrics(Meters), _log);
}
