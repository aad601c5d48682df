using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Performance.V1;
using Hub.Router.Ingress;
using Hub.Router.Tests.Support;
using Hub.Router.Ledger;

namespace Hub.Router.Tests.Ingress;

public sealed class MalformedEnvelopeTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    private const string BadCheckDigit = "9434765918";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task When_the_nhs_number_fails_its_check_digit_should_reject_it_as_malformed_naming_the_field_but_not_the_value()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();
        release = release with { Envelope = release.Envelope with { Subject = release.Envelope.Subject! with { NhsNumber = BadCheckDigit } } };

        var messageId = await host.SendAsync(AgencyCode.Probation, release);

        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Outcome.ShouldBe(LedgerOutcome.Rejected);
        row.Reasons[0].ShouldBe(RejectionCodes.Malformed);
        row.Reasons[1].ShouldContain("subject.nhsNumber");
        row.EventId.ShouldBe(release.Envelope.EventId);
        var json = JsonSerializer.Serialize(row, Unescaped);
        json.ShouldNotContain(BadCheckDigit);
        json.ShouldNotContain(TestEvents.PncId);
        json.ShouldNotContain(TestEvents.Nino);
        var error = await host.WaitForErrorQueueAsync(messageId);
        error.Queue.ShouldBe("hub.ingress.probation_error");
        error.FaultMessage.ShouldNotBeNull().ShouldNotContain(BadCheckDigit);
        host.Traffic.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_an_aggregate_event_identifies_a_person_should_reject_it_as_malformed_without_quoting_the_identifiers()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var indicators = TestEvents.Indicators();
        indicators = indicators with { Envelope = indicators.Envelope with { Subject = TestEvents.Subject } };

        var messageId = await host.SendAsync(AgencyCode.Council, indicators);

        await host.WaitForIngressConsumedAsync<IndicatorsSubmitted>(messageId);
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.Malformed);
        row.Reasons[1].ShouldContain("aggregate-non-personal");
        row.Source.ShouldBe("council");
        var json = JsonSerializer.Serialize(row, Unescaped);
        json.ShouldNotContain(TestEvents.NhsNumber);
        json.ShouldNotContain(TestEvents.PncId);
        json.ShouldNotContain(TestEvents.Nino);
        json.ShouldNotContain(TestEvents.LocalId);
        row.SubjectPseudonyms.ShouldBeEmpty();
        (await host.WaitForErrorQueueAsync(messageId)).Queue.ShouldBe("hub.ingress.council_error");
        host.Traffic.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_a_malformed_event_has_been_rejected_should_still_route_the_next_valid_event()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var bad = TestEvents.Release();
        bad = bad with { Envelope = bad.Envelope with { Subject = bad.Envelope.Subject! with { NhsNumber = BadCheckDigit } } };
        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(await host.SendAsync(AgencyCode.Probation, bad));

        var deliveries = await host.RouteValidReleaseAsync();

        deliveries.Count.ShouldBe(2);
    }
}
