using Hub.Router.Consent;
using Hub.Router.Consent.Holding;
using Hub.Router.Consent.Sqlite;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Consent;

/// <summary>The embedded store's held events: they outlive the store instance (a router restart) and come due by consent or by time.</summary>
public sealed class SqliteHeldEventStoreTests : IDisposable
{
    private static readonly DateTimeOffset Arrived = RouterTestHost.Now;
    private readonly string _directory = Directory.CreateTempSubdirectory("agencyhub-held-").FullName;

    [Fact]
    public async Task When_the_store_is_opened_again_should_still_hold_the_event_until_its_consent_or_its_window_end()
    {
        var held = Held("C-1");
        var first = await OpenAsync();
        (await first.HoldAsync(held, CancellationToken.None)).ShouldBeTrue();
        (await first.HoldAsync(held with { Body = "{}" }, CancellationToken.None)).ShouldBeFalse("the first hold stands");

        var reopened = await OpenAsync();
        (await reopened.FindHeldAsync("nhs", held.EventId, CancellationToken.None)).ShouldBe(held);
        (await reopened.DueAsync(Arrived.AddSeconds(119), 10, CancellationToken.None)).ShouldBeEmpty();
        (await reopened.DueAsync(Arrived.AddSeconds(120), 10, CancellationToken.None)).ShouldHaveSingleItem().ShouldBe(new DueHeldEvent(held, ConsentRecorded: false));

        await reopened.RecordAsync(Consent("C-1"), CancellationToken.None);
        (await reopened.DueAsync(Arrived, 10, CancellationToken.None)).ShouldHaveSingleItem().ConsentRecorded.ShouldBeTrue();

        await reopened.ForgetAsync("nhs", held.EventId, CancellationToken.None);
        (await reopened.CountAsync(CancellationToken.None)).ShouldBe(0);
        (await reopened.FindHeldAsync("nhs", held.EventId, CancellationToken.None)).ShouldBeNull();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }

    private async Task<SqliteConsentStore> OpenAsync()
    {
        var store = new SqliteConsentStore(Path.Combine(_directory, "ledger.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static HeldEvent Held(string consentRef) => new()
    {
        Source = "nhs",
        EventId = Guid.NewGuid(),
        EventType = "employment.referral.created",
        ConsentRef = consentRef,
        ContentHash = "hash",
        MessageId = Guid.NewGuid().ToString(),
        Body = """{"referralId":"R-1"}""",
        ArrivedAt = Arrived,
        ReleaseAt = Arrived.AddMinutes(2),
    };

    private static ConsentRecord Consent(string id) => new()
    {
        ConsentId = id,
        RecordedBy = "nhs",
        Purposes = ["information-passport"],
        Recipients = ["council"],
        GivenAt = Arrived.AddDays(-1),
        EvidenceRef = "E-1",
        SubjectPseudonyms = ["p1"],
        EventId = Guid.NewGuid(),
        RegisteredAt = Arrived,
        ContentHash = "c",
    };
}
