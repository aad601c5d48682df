using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;

namespace Hub.Router.Tests.Recalls;

/// <summary>One planner for every recall cause: a recall per recipient, with an id derived from the cause, the recipient and the deliveries.</summary>
public sealed class RecallPlannerTests
{
    private const string Continuity = "health.treatment-continuity.required";
    private static readonly Guid Retraction = Guid.Parse("aaaaaaaa-bbbb-8ccc-8ddd-eeeeeeeeeeee");
    private static readonly Guid Original = Guid.Parse("0d3b8c4e-1f0a-8b2c-9d4e-5f6a7b8c9d0e");

    [Fact]
    public void When_deliveries_are_planned_should_give_one_recall_per_recipient_naming_each_delivery_once()
    {
        var twice = Delivered(Original, "probation");

        var plan = RecallPlanner.Plan(RecallCause.ForRetraction(Retraction), [twice, Delivered(Original, "council"), twice]);

        plan.Select(p => p.Recipient).ShouldBe(["council", "probation"]);
        plan.Single(p => p.Recipient == "probation").Deliveries.ShouldHaveSingleItem().ShouldBe(twice.Delivery);
    }

    [Fact]
    public void When_planned_twice_should_give_the_same_recall_id_and_another_one_for_another_cause()
    {
        (string, RecalledDelivery)[] outbox = [Delivered(Original, "probation")];

        var first = RecallPlanner.Plan(RecallCause.ForRetraction(Retraction), outbox).ShouldHaveSingleItem();
        var again = RecallPlanner.Plan(RecallCause.ForRetraction(Retraction), outbox).ShouldHaveSingleItem();
        var otherRetraction = RecallPlanner.Plan(RecallCause.ForRetraction(Guid.NewGuid()), outbox).ShouldHaveSingleItem();
        var withdrawal = RecallPlanner.Plan(RecallCause.ForConsent("C-1"), outbox).ShouldHaveSingleItem();

        again.RecallId.ShouldBe(first.RecallId);
        new[] { first.RecallId, otherRetraction.RecallId, withdrawal.RecallId }.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void When_recalls_were_planned_before_the_tables_were_unified_should_derive_the_same_ids_so_none_is_planned_twice()
    {
        var (recipient, delivery) = Delivered(Original, "council");
        var deliveryKey = delivery.DeliveryId.ToString("N");

        RecallPlanner.Plan(RecallCause.ForConsent("C-1"), [(recipient, delivery)]).Single().RecallId
            .ShouldBe(DeliveryIds.NameBased($"recall|C-1|council|{deliveryKey}"));
        RecallPlanner.Plan(RecallCause.ForRetraction(Retraction), [(recipient, delivery)]).Single().RecallId
            .ShouldBe(DeliveryIds.NameBased($"retraction|{Retraction:N}|council|{deliveryKey}"));
    }

    private static (string Recipient, RecalledDelivery Delivery) Delivered(Guid eventId, string recipient) =>
        (recipient, new RecalledDelivery { DeliveryId = Guid.NewGuid(), EventId = eventId, EventType = Continuity, Source = AgencyCode.Nhs });
}
