using Hub.Contracts.Agencies;
using Hub.Cli.Embedded;
using Hub.Contracts.Envelope;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Consent;

/// <summary>
/// A consent recorded and cited at once, with the router deciding many events concurrently (issue 11): the release
/// notices citing it may be decided before or after it registers, but every one is decided for every candidate, and
/// what reaches each recipient is exactly what the ledger allowed: no delivery without a committed ledger row, no
/// allowed decision without its delivery, no repeat, nothing dead-lettered.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ConsentCitedAtOnceTests(ServersFixture servers) : IAsyncLifetime
{
    private const int NoticeCount = 40;
    private readonly string _consent = "C-IT-ATONCE-" + Guid.NewGuid().ToString("N")[..6];
    private SampleHub _hub = null!;

    public async Task InitializeAsync() => _hub = await SampleHub.StartAsync(servers);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task When_notices_cite_a_consent_recorded_at_the_same_moment_should_deliver_exactly_what_the_ledger_allowed()
    {
        var now = TimeProvider.System.GetUtcNow();
        var optIn = ConsentScenario.OptIn(_consent, now);
        var notices = Enumerable.Range(0, NoticeCount).Select(_ => ConsentScenario.Release(_consent, now)).ToList();

        await Task.WhenAll(notices.Prepend<IShareableEvent>(optIn).Select(e => _hub[AgencyCode.Probation].SubmitAsync(e)));

        var rows = await Eventually.UntilAsync(
            () => LedgerQueries.RowsAsync(_hub.Ledger),
            r => r.Count(x => x.Kind == "decision") == (NoticeCount + 1) * 4,
            "four decisions for the consent and for every notice");
        var allowed = rows.Where(r => r.Kind == "decision" && r.Outcome == "allowed").ToList();
        allowed.Count(r => r.Recipient == "police").ShouldBe(NoticeCount, "police receive every notice (on the consent or on their statutory flow)");
        foreach (var agency in new[] { AgencyCode.Police, AgencyCode.Jcp, AgencyCode.Council, AgencyCode.Nhs })
        {
            var expected = allowed.Where(r => r.Recipient == agency.Value).Select(r => r.DeliveryId!.Value).Order().ToList();
            var received = await Eventually.UntilAsync(
                () => Task.FromResult(_hub[agency].Sink.Received.Select(d => d.DeliveryId).Order().ToList()),
                r => r.Count >= expected.Count,
                $"{agency}: every allowed delivery");
            received.ShouldBe(expected, $"{agency}: exactly the deliveries the ledger allowed, each once");
        }

        rows.ShouldNotContain(r => r.Kind == "rejection");
    }
}
