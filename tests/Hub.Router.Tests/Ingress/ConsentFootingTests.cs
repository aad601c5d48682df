using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Performance.V1;
using Hub.Router.Ingress;
using Hub.Router.Tests.Support;
using Hub.Router.Ledger;

namespace Hub.Router.Tests.Ingress;

/// <summary>
/// The envelope's footing at ingress: personal, special-category and offence events need exactly one of a consent
/// reference or a legal gateway; an aggregate-non-personal event carries neither (DSA-018 in the samples shares it).
/// </summary>
public sealed class ConsentFootingTests
{
    private static readonly string SampleAgreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");

    [Fact]
    public async Task When_an_aggregate_event_carries_neither_consent_ref_nor_gateway_should_accept_and_deliver_it()
    {
        await using var host = await RouterTestHost.StartAsync(SampleAgreements);
        var indicators = TestEvents.Indicators();
        indicators.Envelope.Consent.ConsentRef.ShouldBeNull();
        indicators.Envelope.Consent.LegalGateway.ShouldBeNull();

        await host.SendAsync(AgencyCode.Council, indicators);

        var deliveries = await host.WaitForDeliveriesAsync(indicators.Envelope.EventId, 3);
        deliveries.Select(d => d.Recipient.Value).Order(StringComparer.Ordinal).ShouldBe(["nhs", "police", "probation"]);
        deliveries.ShouldAllBe(d => d.ConsentRef == null && d.LegalGateway == null && d.AgreementId == "DSA-018");
        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == indicators.Envelope.EventId) >= 4, "a decision per candidate");
        rows.ShouldNotContain(r => r.Outcome == LedgerOutcome.Rejected);
    }

    [Fact]
    public async Task When_a_personal_event_carries_neither_consent_ref_nor_gateway_should_reject_it_naming_the_field()
    {
        await using var host = await RouterTestHost.StartAsync(SampleAgreements);
        var release = TestEvents.Release();
        release = release with { Envelope = release.Envelope with { Consent = new ConsentTag { CollectionPurpose = "offender-management" } } };

        var messageId = await host.SendAsync(AgencyCode.Probation, release);

        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Outcome.ShouldBe(LedgerOutcome.Rejected);
        row.Reasons[0].ShouldBe(RejectionCodes.Malformed);
        row.Reasons[1].ShouldBe("envelope.consent must carry exactly one of consentRef or legalGateway for criminal-offence data; it carries neither");
        row.EventId.ShouldBe(release.Envelope.EventId);
        (await host.WaitForErrorQueueAsync(messageId)).Queue.ShouldBe("hub.ingress.probation_error");
        host.Traffic.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_an_aggregate_event_asserts_a_gateway_should_reject_it_naming_the_field()
    {
        await using var host = await RouterTestHost.StartAsync(SampleAgreements);
        var indicators = TestEvents.Indicators();
        indicators = indicators with { Envelope = indicators.Envelope with { Consent = indicators.Envelope.Consent with { LegalGateway = "none-aggregate-statistics" } } };

        var messageId = await host.SendAsync(AgencyCode.Council, indicators);

        await host.WaitForIngressConsumedAsync<IndicatorsSubmitted>(messageId);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Malformed);
        row.Reasons[1].ShouldStartWith("envelope.consent.legalGateway must be absent on an aggregate-non-personal event");
        (await host.WaitForErrorQueueAsync(messageId)).Queue.ShouldBe("hub.ingress.council_error");
        host.Traffic.Sent.ShouldBeEmpty();
    }
}
