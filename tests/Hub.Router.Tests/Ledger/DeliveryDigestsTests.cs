using Hub.Router.Ledger;

namespace Hub.Router.Tests.Ledger;

public sealed class DeliveryDigestsTests
{
    private const string Body = """{"deliveryId":"7c1e","payload":{"releaseDate":"2026-12-01","amount":1.50,"tags":["a","b"]},"purpose":"rehabilitation"}""";

    [Fact]
    public void When_a_store_reorders_members_and_drops_whitespace_should_give_the_same_digest()
    {
        // What Postgres's jsonb gives back for the body above: members by length then bytes, its own spacing.
        const string AsJsonb = """{"purpose": "rehabilitation", "payload": {"tags": ["a", "b"], "amount": 1.5, "releaseDate": "2026-12-01"}, "deliveryId": "7c1e"}""";

        DeliveryDigests.Of(AsJsonb).ShouldBe(DeliveryDigests.Of(Body));
        DeliveryDigests.Of(Body).Length.ShouldBe(64);
    }

    [Theory]
    [InlineData("2026-12-02", "1.50", "\"a\",\"b\"")]
    [InlineData("2026-12-01", "1.51", "\"a\",\"b\"")]
    [InlineData("2026-12-01", "1.50", "\"b\",\"a\"")]
    public void When_a_value_or_the_order_of_a_list_changes_should_change_the_digest(string date, string amount, string tags)
    {
        var altered = $$"""{"deliveryId":"7c1e","payload":{"releaseDate":"{{date}}","amount":{{amount}},"tags":[{{tags}}]},"purpose":"rehabilitation"}""";

        DeliveryDigests.Of(altered).ShouldNotBe(DeliveryDigests.Of(Body));
    }
}
