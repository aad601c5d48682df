using System.Text.RegularExpressions;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using Hub.Sharing.Consent;
using Hub.Testing.Consent;

namespace Hub.IntegrationTests.Consent;

/// <summary>
/// The consent hold window and early withdrawals (docs/adr/0018) on the production composition, RabbitMQ and
/// Postgres: an event citing a consent not recorded yet is held in the database across a router restart and decided
/// once the consent arrives; one whose consent never comes is denied at the end of its window, saying so; a
/// withdrawal that arrives before its consent is kept and applied as of its own instant.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed partial class ConsentHoldWindowTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly string _consent = "P-IT-HOLD-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _subjectKey = RouterProcess.NewSubjectKey();
    private readonly List<IAsyncDisposable> _running = [];
    private string _ledger = null!;
    private AdapterUnderTest _nhs = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin"))
        {
            await admin.PurgeHubQueuesAsync();
        }

        _ledger = await servers.CreateDatabaseAsync();
        _nhs = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Nhs);
    }

    public async Task DisposeAsync()
    {
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }

        await _nhs.DisposeAsync();
    }

    [Fact]
    public async Task When_the_consent_is_recorded_after_a_router_restart_should_decide_the_held_event_once_on_the_consent()
    {
        var passport = new PassportConsent(_consent, TimeProvider.System.GetUtcNow());
        var referral = passport.Referral();
        var router = await StartRouterAsync("00:10:00");
        await _nhs.SubmitAsync(referral);
        await Eventually.UntilAsync(() => ConsentQueries.CountAsync(_ledger, "consent_held_events"), n => n == 1, "the referral held");
        (await ConsentQueries.DecisionsAsync(_ledger, referral.Envelope.EventId)).ShouldBeEmpty("a held event is not decided");

        await router.DisposeAsync();
        _running.Remove(router);
        await StartRouterAsync("00:10:00");
        await _nhs.SubmitAsync(passport.Recorded());

        var decisions = await Eventually.UntilAsync(() => ConsentQueries.DecisionsAsync(_ledger, referral.Envelope.EventId), r => r.Count == 4, "the held referral decided");
        decisions.Single(d => d.Recipient == "council").ShouldSatisfyAllConditions(d => d.Outcome.ShouldBe("allowed"), d => d.Footing.ShouldBe("consent"));
        decisions.SelectMany(d => d.Reasons).ShouldNotContain(r => r.Contains("not been recorded", StringComparison.Ordinal) || r.Contains("not in the consent registry", StringComparison.Ordinal));
        await Eventually.UntilAsync(() => ConsentQueries.CountAsync(_ledger, "consent_held_events"), n => n == 0, "the held copy forgotten");
        (await LedgerQueries.RowsAsync(_ledger)).Count(r => r.EventId == referral.Envelope.EventId).ShouldBe(4, "decided once");
    }

    [Fact]
    public async Task When_the_consent_never_arrives_should_deny_at_the_end_of_the_window_saying_so()
    {
        var referral = new PassportConsent(_consent, TimeProvider.System.GetUtcNow()).Referral();
        await StartRouterAsync("00:00:03");

        await _nhs.SubmitAsync(referral);

        var decisions = await Eventually.UntilAsync(() => ConsentQueries.DecisionsAsync(_ledger, referral.Envelope.EventId), r => r.Count == 4, "the referral decided at the end of its window");
        decisions.Single(d => d.Recipient == "council").Outcome.ShouldBe("denied");
        var worded = decisions.SelectMany(d => d.Reasons).Select(r => NotRecorded().Match(r)).Where(m => m.Success && m.Groups["consent"].Value == _consent).ToList();
        worded.ShouldNotBeEmpty($"a denial saying the consent was not recorded in time: {string.Join(" | ", decisions.SelectMany(d => d.Reasons))}");
        worded.ShouldAllBe(m => int.Parse(m.Groups["waited"].Value, System.Globalization.CultureInfo.InvariantCulture) >= 3);
        await Eventually.UntilAsync(() => ConsentQueries.CountAsync(_ledger, "consent_held_events"), n => n == 0, "the held copy forgotten");
    }

    [Fact]
    public async Task When_a_withdrawal_arrives_before_its_consent_should_keep_it_and_register_the_consent_withdrawn_as_of_its_instant()
    {
        var now = TimeProvider.System.GetUtcNow().AddSeconds(-30);
        await StartRouterAsync("00:10:00");

        var passport = new PassportConsent(_consent, now);

        await _nhs.SubmitAsync(passport.Withdrawn(AgencyCode.Nhs, now));
        await Eventually.UntilAsync(() => ConsentQueries.CountAsync(_ledger, "consent_early_withdrawals"), n => n == 1, "the withdrawal kept");
        await _nhs.SubmitAsync(passport.Recorded());

        var withdrawal = await Eventually.UntilAsync<(DateTimeOffset EffectiveAt, DateTimeOffset StatedAt)?>(() => ConsentQueries.WithdrawalAsync(_ledger, _consent), w => w is not null, "the consent registered withdrawn");
        withdrawal!.Value.EffectiveAt.ShouldBe(withdrawal.Value.StatedAt);
        withdrawal.Value.StatedAt.ToUnixTimeMilliseconds().ShouldBe(now.ToUnixTimeMilliseconds());
        (await LedgerQueries.RowsAsync(_ledger)).ShouldNotContain(r => r.Kind == "rejection", "kept, not refused or dead-lettered");

        var referral = new PassportConsent(_consent, TimeProvider.System.GetUtcNow()).Referral();
        await _nhs.SubmitAsync(referral);
        var decisions = await Eventually.UntilAsync(() => ConsentQueries.DecisionsAsync(_ledger, referral.Envelope.EventId), r => r.Count == 4, "a referral after the consent");
        decisions.Single(d => d.Recipient == "council").Reasons.ShouldContain($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {_consent} was withdrawn at {ConsentInstant.Format(now)}");
    }

    private async Task<RouterUnderTest> StartRouterAsync(string window)
    {
        var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, Path.Combine(AppContext.BaseDirectory, "samples", "agreements"), new Dictionary<string, string?>
        {
            ["Ledger:SubjectKey"] = _subjectKey,
            ["Router:ConsentHoldWindow"] = window,
            ["Router:ConsentHoldPollInterval"] = "00:00:01",
        });
        _running.Add(router);
        return router;
    }

    [GeneratedRegex(@"consent (?<consent>\S+) had not been recorded by \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, (?<waited>\d+) s after the event arrived")]
    private static partial Regex NotRecorded();
}
