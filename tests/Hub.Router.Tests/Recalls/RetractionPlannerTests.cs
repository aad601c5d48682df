using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Subjects;
using Hub.Contracts.Delivery.V1;
using Hub.Router.Recalls;

namespace Hub.Router.Tests.Recalls;

public sealed class RetractionPlannerTests
{
    private const string Continuity = "health.treatment-continuity.required";
    private static readonly Guid Original = Guid.Parse("0d3b8c4e-1f0a-8b2c-9d4e-5f6a7b8c9d0e");
    private static readonly Guid Unrelated = Guid.Parse("11111111-2222-8333-8444-555555555555");

    [Fact]
    public void When_the_ledger_delivered_a_retracted_event_should_recall_it_from_exactly_those_recipients()
    {
        var plan = RetractionPlanner.Plan(Retraction(Original), AgencyCode.Nhs,
        [
            Delivered("nhs", Original, "probation", Continuity),
            Delivered("nhs", Original, "council", Continuity),
            Delivered("nhs", Unrelated, "police", Continuity),
        ]);

        plan.Select(p => p.Recipient).ShouldBe(["council", "probation"]);
        plan.ShouldAllBe(p => p.Deliveries.Count == 1 && p.Deliveries[0].EventId == Original && p.Deliveries[0].EventType == Continuity);
    }

    [Fact]
    public void When_another_agency_or_another_event_type_used_the_id_should_recall_nothing()
    {
        var plan = RetractionPlanner.Plan(Retraction(Original), AgencyCode.Nhs,
        [
            Delivered("probation", Original, "council", Continuity),
            Delivered("nhs", Original, "council", "health.discharge.planned"),
        ]);

        plan.ShouldBeEmpty();
    }

    [Fact]
    public void When_planned_twice_should_give_the_same_recall_id_and_a_different_one_for_another_retraction()
    {
        (string, RecalledDelivery)[] outbox = [Delivered("nhs", Original, "probation", Continuity)];

        var first = RetractionPlanner.Plan(Retraction(Original), AgencyCode.Nhs, outbox).ShouldHaveSingleItem();
        var again = RetractionPlanner.Plan(Retraction(Original), AgencyCode.Nhs, outbox).ShouldHaveSingleItem();
        var other = RetractionPlanner.Plan(Retraction(Original) with { Envelope = Retraction(Original).Envelope with { EventId = Guid.NewGuid() } }, AgencyCode.Nhs, outbox).ShouldHaveSingleItem();

        again.RecallId.ShouldBe(first.RecallId);
        other.RecallId.ShouldNotBe(first.RecallId);
    }

    private static (string, RecalledDelivery) Delivered(string source, Guid eventId, string recipient, string eventType) =>
        (recipient, new RecalledDelivery { DeliveryId = Guid.NewGuid(), EventId = eventId, EventType = eventType, Source = new AgencyCode(source) });

    private static RecordRetracted Retraction(params Guid[] ids) => new()
    {
        Envelope = new EventEnvelope
        {
            EventId = Guid.Parse("aaaaaaaa-bbbb-8ccc-8ddd-eeeeeeeeeeee"),
            OccurredAt = DateTimeOffset.UnixEpoch,
            Source = AgencyCode.Nhs,
            Subject = new SubjectIdentifiers { NhsNumber = "9990000131" },
            Classification = DataClassification.SpecialCategoryHealth,
            Consent = new ConsentTag { LegalGateway = "HSCA2012-s251B", CollectionPurpose = "substance-misuse-treatment" },
        },
        RetractedEventType = Continuity,
        RetractedEventIds = ids,
        Reason = RetractionReasons.EnteredInError,
    };
}
