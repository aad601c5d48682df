using Hub.Contracts.Agencies;
using Hub.Router.Agreements;
using Hub.Router.Configuration;
using Hub.Router.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Agreements;

/// <summary>Agreement changes apply without a restart once valid; an invalid change never replaces the running set.</summary>
public sealed class AgreementReloadTests : IDisposable
{
    private readonly AgreementsFolder _folder = new();

    private string ReleaseFile => Path.Combine(_folder.Path, "dsa-t01-release.yaml");

    [Fact]
    public async Task When_a_valid_change_is_saved_should_apply_without_a_restart()
    {
        using var provider = new FileAgreementProvider(Options.Create(new RouterOptions { AgreementsPath = _folder.Path }), TimeProvider.System, UnobservedMetrics.Router, NullLogger<FileAgreementProvider>.Instance);
        var before = provider.Current.AgreementSetHash;

        await File.WriteAllTextAsync(ReleaseFile, (await File.ReadAllTextAsync(ReleaseFile)).Replace("fields: [releaseDate, subject.nino]", "fields: [releaseDate]", StringComparison.Ordinal));

        // The file-system watcher picks it up; nothing calls ReloadAsync here.
        var after = await Eventually.UntilAsync(() => provider.Current.AgreementSetHash, h => h != before, "the watcher to apply the saved change");
        after.ShouldStartWith("sha256:");
        provider.LastRejection.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_an_invalid_change_is_saved_should_keep_the_previous_set_and_say_why()
    {
        using var provider = new FileAgreementProvider(Options.Create(new RouterOptions { AgreementsPath = _folder.Path }), TimeProvider.System, UnobservedMetrics.Router, NullLogger<FileAgreementProvider>.Instance);
        var before = provider.Current.AgreementSetHash;
        await File.WriteAllTextAsync(ReleaseFile, (await File.ReadAllTextAsync(ReleaseFile)).Replace("purpose: benefit-continuity", "purpose: benefits", StringComparison.Ordinal));

        (await provider.ReloadAsync()).ShouldBeFalse();

        provider.Current.AgreementSetHash.ShouldBe(before);
        var error = provider.LastRejection.ShouldHaveSingleItem();
        error.File.ShouldBe("dsa-t01-release.yaml");
        error.Message.ShouldContain("purpose 'benefits' is not in the purpose vocabulary");
    }

    [Fact]
    public async Task When_the_router_is_running_should_route_the_next_event_under_the_new_set()
    {
        await using var host = await RouterTestHost.StartAsync(_folder.Path);
        var first = await host.RouteValidReleaseAsync();
        first.Single(d => d.Recipient == AgencyCode.Jcp).WithheldFields.ShouldNotContain("subject.nino");

        await File.WriteAllTextAsync(ReleaseFile, (await File.ReadAllTextAsync(ReleaseFile)).Replace("fields: [releaseDate, subject.nino]", "fields: [releaseDate]", StringComparison.Ordinal));
        (await host.Services.GetRequiredService<FileAgreementProvider>().ReloadAsync()).ShouldBeTrue();

        var second = await host.RouteValidReleaseAsync();
        var jcp = second.Single(d => d.Recipient == AgencyCode.Jcp);
        jcp.WithheldFields.ShouldContain("subject.nino");
        jcp.AgreementSetHash.ShouldNotBe(first[0].AgreementSetHash);
        (await host.ReadLedgerAsync()).Where(r => r.EventId == jcp.EventId).ShouldAllBe(r => r.AgreementSetHash == jcp.AgreementSetHash);
    }

    public void Dispose() => _folder.Dispose();
}
