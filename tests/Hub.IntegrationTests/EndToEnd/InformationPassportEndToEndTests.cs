using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// AS-16 on real RabbitMQ and Postgres under DSA-016: the mental-health trust records a passport consent naming Ways
/// into Work (council) through the hub; the referral reaches the council on it, JCP is denied (not named), a referral
/// for another person citing this consent is denied; the person revokes the passport, the council's adapter erases
/// and acknowledges, a later referral goes nowhere, and `hub audit subject` lists exactly those decisions.
/// </summary>
[Collection(ServersGroup.Name)]
public class InformationPassportEndToEndTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Nino = "JY112358B";
    private static readonly SubjectIdentifiers Person = new() { NhsNumber = NhsNumber.WithCheckDigit("999000015"), Nino = Nino, LocalId = "ELFT-3307" };
    private static readonly SubjectIdentifiers SomeoneElse = new() { NhsNumber = NhsNumber.WithCheckDigit("999000016"), Nino = "JY000111A", LocalId = "ELFT-9999" };
    private readonly string _passport = "P-IT-" + Guid.NewGuid().ToString("N")[..6];
    private SampleHub _hub = null!;

    public async Task InitializeAsync() => _hub = await SampleHub.StartAsync(servers);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task When_the_passport_is_revoked_should_recall_it_and_share_no_later_referral()
    {
        var now = TimeProvider.System.GetUtcNow();
        var passport = new ConsentRecorded { Envelope = Envelope(Person, now), ConsentId = _passport, Purposes = ["information-passport"], Recipients = [AgencyCode.Council], GivenAt = now.AddDays(-1), ExpiresAt = now.AddDays(365), EvidenceRef = "ELFT-PASSPORT-IT" };
        var passportRows = await _hub.DecideAsync(AgencyCode.Nhs, passport);
        (await ConsentQueries.IsRegisteredAsync(_hub.Ledger, _passport)).ShouldBeTrue();

        var referral = Referral(Person, now);
        var rows = await _hub.DecideAsync(AgencyCode.Nhs, referral);
        rows.Single(r => r.Recipient == "council").ShouldSatisfyAllConditions(r => r.Outcome.ShouldBe("allowed"), r => r.Footing.ShouldBe("consent"));
        rows.Single(r => r.Recipient == "jcp").Reasons.ShouldContain($"DSA-016@1 flow F2-passport-to-jcp: consent {_passport} does not cover sharing with jcp");
        var delivered = await Eventually.UntilAsync(() => _hub[AgencyCode.Council].Sink.Received.SingleOrDefault(d => d.EventId == referral.Envelope.EventId), d => d is not null, "the passport at Ways into Work");
        delivered!.Payload.GetProperty("mentalHealthIndicator").GetBoolean().ShouldBeTrue();

        // A consent covers only the person who gave it: citing it for someone else is denied, with the reason recorded.
        var misused = Referral(SomeoneElse, now);
        var misusedRows = await _hub.DecideAsync(AgencyCode.Nhs, misused);
        misusedRows.Single(r => r.Recipient == "council").ShouldSatisfyAllConditions(
            r => r.Outcome.ShouldBe("denied"),
            r => r.Reasons.ShouldContain($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {_passport} was recorded for a different person than this event's subject, so it cannot cover this share"));

        var revocation = new ConsentWithdrawn { Envelope = Envelope(Person, TimeProvider.System.GetUtcNow()), ConsentId = _passport, WithdrawnAt = TimeProvider.System.GetUtcNow() };
        var revocationRows = await _hub.DecideAsync(AgencyCode.Nhs, revocation);
        var recalls = await Eventually.UntilAsync(() => ConsentQueries.RecallsAsync(_hub.Ledger, _passport), r => r.Count == 1 && r[0].Acknowledged, "the council's acknowledgement");
        recalls.Single().ShouldBe(("council", delivered.DeliveryId, true));
        _hub[AgencyCode.Council].Sink.Received.ShouldNotContain(d => d.DeliveryId == delivered.DeliveryId);

        var later = Referral(Person, TimeProvider.System.GetUtcNow());
        var laterRows = await _hub.DecideAsync(AgencyCode.Nhs, later);
        laterRows.ShouldAllBe(r => r.Outcome == "denied");
        laterRows.Single(r => r.Recipient == "council").Reasons.ShouldContain(reason => reason.StartsWith($"DSA-016@1 flow F1-passport-to-ways-into-work: consent {_passport} was withdrawn at ", StringComparison.Ordinal));

        using var report = await SubjectReportProcess.RunAsync(_hub.Ledger, _hub.SubjectKey, "--nino", Nino);
        var decisions = report.RootElement.GetProperty("decisions").EnumerateArray().ToList();
        var expected = new[] { (passport.Envelope.EventId, passportRows), (referral.Envelope.EventId, rows), (revocation.Envelope.EventId, revocationRows), (later.Envelope.EventId, laterRows) }
            .SelectMany(e => e.Item2.Select(r => $"{e.Item1}|{r.Recipient}|{(r.Outcome == "allowed" ? "disclosed" : "denied")}"))
            .Order(StringComparer.Ordinal);
        decisions.Select(d => $"{d.GetProperty("eventId").GetGuid()}|{d.GetProperty("to").GetString()}|{d.GetProperty("outcome").GetString()}").Order(StringComparer.Ordinal).ShouldBe(expected, "the other person's referral is not in this person's report");
        report.RootElement.GetProperty("disclosures").GetInt32().ShouldBe(1);
        decisions.Single(d => d.GetProperty("outcome").GetString() == "disclosed").GetProperty("recall").GetProperty("status").GetString().ShouldBe("acknowledged");
    }

    private EventEnvelope Envelope(SubjectIdentifiers subject, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = now,
        Source = AgencyCode.Nhs,
        Classification = DataClassification.Personal,
        Subject = subject,
        Consent = new ConsentTag { ConsentRef = _passport, CollectionPurpose = "information-passport" },
    };

    private ReferralCreated Referral(SubjectIdentifiers subject, DateTimeOffset now) => new()
    {
        Envelope = Envelope(subject, now),
        ReferralId = "ELFT-REF-" + Guid.NewGuid().ToString("N")[..4],
        Programme = "recovery-and-social-inclusion",
        Provider = "ways-into-work",
        ReferredOn = DateOnly.FromDateTime(now.UtcDateTime),
        SupportNeeds = ["confidence", "benefits-advice"],
        MentalHealthIndicator = true,
    };
}
