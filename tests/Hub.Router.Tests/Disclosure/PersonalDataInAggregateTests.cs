using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Performance.V1;
using Hub.Router.Ingress;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Disclosure;

/// <summary>An aggregate event holding a subject identifier anywhere in its payload is refused, ledgered and dead-lettered (issue 12, point 1).</summary>
public sealed class PersonalDataInAggregateTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    [Theory]
    [InlineData("nhs in text", "NI-152 (patient 943 476 5919)", null)]
    [InlineData("nino", "JY123456C", null)]
    [InlineData("nhs as number", "NI-152", "9434765919")]
    public async Task When_an_aggregate_payload_holds_an_identifier_should_refuse_it_naming_the_path_never_the_value(string _, string code, string? value)
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var indicators = TestEvents.Indicators() with
        {
            Indicators = [new IndicatorValue { Code = "NI-19", Value = 40 }, new IndicatorValue { Code = code, Value = value is null ? 7 : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) }],
        };

        var messageId = await host.SendAsync(AgencyCode.Council, indicators);

        await host.WaitForIngressConsumedAsync<IndicatorsSubmitted>(messageId);
        var row = (await host.WaitForLedgerAsync(r => r.Count > 0, "the rejection row")).ShouldHaveSingleItem();
        row.Reasons[0].ShouldBe(RejectionCodes.PersonalDataInAggregate);
        row.MessageId.ShouldBe(messageId.ToString());
        row.Reasons[1].ShouldContain(value is null ? "indicators[1].code holds what looks like" : "indicators[1].value holds what looks like an NHS number");
        var json = JsonSerializer.Serialize(row);
        json.ShouldNotContain("943 476 5919");
        json.ShouldNotContain("9434765919");
        json.ShouldNotContain("JY123456C");
        (await host.WaitForErrorQueueAsync(messageId)).Queue.ShouldBe("hub.ingress.council_error");
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }
}
