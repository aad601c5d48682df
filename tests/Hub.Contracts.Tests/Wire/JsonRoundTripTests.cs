using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Tests.Wire;

public class JsonRoundTripTests
{
    public static TheoryData<string> EventTypes() => [.. SampleEvents.All().Select(e => e.GetType().FullName!)];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void When_event_is_serialised_and_read_back_should_be_unchanged(string typeName)
    {
        var original = SampleEvents.All().Single(e => e.GetType().FullName == typeName);
        var json = JsonSerializer.Serialize(original, original.GetType(), ContractJson.Options);
        var back = (IShareableEvent)JsonSerializer.Deserialize(json, original.GetType(), ContractJson.Options)!;

        JsonSerializer.Serialize(back, back.GetType(), ContractJson.Options).ShouldBe(json);
        back.Envelope.ShouldBe(original.Envelope with { Subject = back.Envelope.Subject });
        back.Envelope.Subject.ShouldBe(original.Envelope.Subject);
    }

    [Fact]
    public void When_serialised_should_use_wire_spellings()
    {
        var release = (ReleaseScheduled)SampleEvents.All()[0];
        var json = JsonSerializer.Serialize(release, ContractJson.Options);

        json.ShouldContain("\"sentenceBand\":\"under-12-months\"");
        json.ShouldContain("\"classification\":\"criminal-offence\"");
        json.ShouldContain("\"source\":\"probation\"");
        json.ShouldContain("\"releaseDate\":\"2026-12-04\"");
    }

    [Fact]
    public void When_required_field_is_missing_should_refuse_to_read()
    {
        const string json = """{"envelope":null,"establishment":"HMP X"}""";
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<ReleaseScheduled>(json, ContractJson.Options));
    }

    [Fact]
    public void When_an_amendment_carries_the_resettlement_area_should_put_it_on_the_wire_like_the_notice()
    {
        var amended = SampleEvents.All().OfType<ReleaseAmended>().Single();
        var json = JsonSerializer.Serialize(amended, ContractJson.Options);

        json.ShouldContain("\"resettlementArea\":\"lewisham\"");
        EventCatalogue.For<ReleaseAmended>().Fields.ShouldContain("resettlementArea");
    }

    [Fact]
    public void When_an_amendment_from_an_older_adapter_has_no_resettlement_area_should_still_read_it()
    {
        var amended = SampleEvents.All().OfType<ReleaseAmended>().Single() with { ResettlementArea = null };
        var json = JsonSerializer.Serialize(amended, ContractJson.Options).Replace(",\"resettlementArea\":null", string.Empty, StringComparison.Ordinal);
        json.ShouldNotContain("resettlementArea");

        JsonSerializer.Deserialize<ReleaseAmended>(json, ContractJson.Options)!.ResettlementArea.ShouldBeNull();
    }

    [Fact]
    public void When_agency_code_is_malformed_should_refuse_to_read()
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<AgencyCode>("\"Police Dept\"", ContractJson.Options));
    }

    [Fact]
    public void When_delivery_is_serialised_and_read_back_should_keep_payload_and_grounds()
    {
        using var payload = JsonDocument.Parse("""{"releaseDate":"2026-12-04","subject":{"pncId":"2019/0412345P"}}""");
        var delivery = new EventDelivered
        {
            DeliveryId = DeliveryIds.For(AgencyCode.Probation, Guid.Empty, AgencyCode.Police),
            EventId = Guid.Empty,
            EventType = "custody.release.scheduled",
            Source = AgencyCode.Probation,
            Recipient = AgencyCode.Police,
            OccurredAt = DateTimeOffset.UnixEpoch,
            DecidedAt = DateTimeOffset.UnixEpoch,
            Classification = DataClassification.CriminalOffence,
            Payload = payload.RootElement.Clone(),
            AgreementId = "DSA-001",
            AgreementVersion = 2,
            FlowId = "F1",
            Purpose = "offender-management",
            LawfulBasis = "Art 6(1)(e)",
            WithheldFields = ["mentalHealthFlag"],
            Obligations = new Obligations { RetentionDays = 730, OnwardSharingForbidden = true },
            AgreementSetHash = "sha256:0",
        };

        var json = JsonSerializer.Serialize(delivery, ContractJson.Options);
        var back = JsonSerializer.Deserialize<EventDelivered>(json, ContractJson.Options)!;

        back.Payload.GetProperty("subject").GetProperty("pncId").GetString().ShouldBe("2019/0412345P");
        back.Obligations.ShouldBe(delivery.Obligations);
        back.WithheldFields.ShouldBe(["mentalHealthFlag"]);
        JsonSerializer.Serialize(back, ContractJson.Options).ShouldBe(json);
    }
}
