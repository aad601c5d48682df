using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Adapters.Nhs.Referrals;
using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Subjects;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// Issue 18 on real RabbitMQ and Postgres under DSA-016: the trust's FHIR ServiceRequest, mapped by the NHS adapter's
/// mapper, reaches the council on the passport consent; the trust then marks it entered-in-error, the mapper turns
/// the new version into <c>health.record.retracted</c>, and the router recalls the referral from the council (the
/// only recipient its ledger names), whose adapter erases it and acknowledges (docs/adr/0020). A retraction that
/// arrives before the version it names leaves that version shared with no one.
/// </summary>
[Collection(ServersGroup.Name)]
public class FhirRetractionEndToEndTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly SubjectIdentifiers Person = new() { NhsNumber = NhsNumber.WithCheckDigit("999000015"), Nino = "JY112358B", LocalId = "ELFT-3307" };
    private readonly string _passport = "P-FHIR-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _resourceId = "sr-it-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ServiceRequestReferralMapper _mapper = new();
    private SampleHub _hub = null!;

    public async Task InitializeAsync() => _hub = await SampleHub.StartAsync(servers);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task When_a_shared_referral_is_entered_in_error_should_recall_it_from_the_council_only_and_record_its_acknowledgement()
    {
        await _hub.DecideAsync(AgencyCode.Nhs, Passport());

        var referral = _mapper.MapOrRetract(ServiceRequest("active", "1")).Value.ShouldNotBeNull();
        var rows = await _hub.DecideAsync(AgencyCode.Nhs, referral);
        rows.Where(r => r.Outcome == "allowed").Select(r => r.Recipient).ShouldBe(["council"]);
        var delivered = await Eventually.UntilAsync(() => _hub[AgencyCode.Council].Sink.Received.SingleOrDefault(d => d.EventId == referral.Envelope.EventId), d => d is not null, "the referral at Ways into Work");

        var retraction = _mapper.MapOrRetract(ServiceRequest("entered-in-error", "2")).Value.ShouldBeOfType<RecordRetracted>();
        var retractionRows = await _hub.DecideAsync(AgencyCode.Nhs, retraction);

        retractionRows.ShouldAllBe(r => r.Outcome == "denied", "the retraction itself is shared with no one");
        var recalls = await Eventually.UntilAsync(() => ConsentQueries.RetractionRecallsAsync(_hub.Ledger, retraction.Envelope.EventId), r => r.Count == 1 && r[0].Acknowledged, "the council's acknowledgement");
        recalls.Single().ShouldBe(("council", delivered!.DeliveryId, true));
        _hub[AgencyCode.Council].Sink.Received.ShouldNotContain(d => d.DeliveryId == delivered.DeliveryId);
    }

    [Fact]
    public async Task When_the_entered_in_error_version_arrives_before_the_version_it_retracts_should_deny_that_version_to_everyone()
    {
        await _hub.DecideAsync(AgencyCode.Nhs, Passport());
        var retraction = _mapper.MapOrRetract(ServiceRequest("entered-in-error", "2")).Value.ShouldBeOfType<RecordRetracted>();
        var referral = _mapper.MapOrRetract(ServiceRequest("active", "1")).Value.ShouldNotBeNull();
        retraction.RetractedEventIds.ShouldContain(referral.Envelope.EventId);

        await _hub.DecideAsync(AgencyCode.Nhs, retraction);
        await Eventually.UntilAsync(() => ConsentQueries.RetractionsOfAsync(_hub.Ledger, referral.Envelope.EventId), n => n == 1, "the retraction registered");
        var rows = await _hub.DecideAsync(AgencyCode.Nhs, referral);

        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Outcome == "denied" && r.Reasons.Single().StartsWith("nhs retracted this event (entered-in-error) in retraction ", StringComparison.Ordinal));
        _hub[AgencyCode.Council].Sink.Received.ShouldNotContain(d => d.EventId == referral.Envelope.EventId);
        (await ConsentQueries.RetractionRecallsAsync(_hub.Ledger, retraction.Envelope.EventId)).ShouldBeEmpty("nothing was delivered, so nothing is recalled");
    }

    private ConsentRecorded Passport()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new ConsentRecorded
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.NewGuid(), OccurredAt = now, Source = AgencyCode.Nhs, Classification = DataClassification.Personal, Subject = Person,
                Consent = new ConsentTag { ConsentRef = _passport, CollectionPurpose = "information-passport" },
            },
            ConsentId = _passport, Purposes = ["information-passport"], Recipients = [AgencyCode.Council], GivenAt = now.AddDays(-1), ExpiresAt = now.AddDays(365), EvidenceRef = "ELFT-PASSPORT-IT",
        };
    }

    /// <summary>The trust's sample referral as this test's own resource (its id, its consent), at a version and status.</summary>
    private JsonElement ServiceRequest(string status, string version)
    {
        var resource = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "nhs", "service-request-referral.json")))!.AsObject();
        resource["id"] = _resourceId;
        resource["status"] = status;
        resource["meta"] = new JsonObject { ["versionId"] = version, ["lastUpdated"] = TimeProvider.System.GetUtcNow().ToString("O") };
        resource["supportingInfo"]![0]!["identifier"]!["value"] = _passport;
        return JsonSerializer.SerializeToElement(resource);
    }
}
