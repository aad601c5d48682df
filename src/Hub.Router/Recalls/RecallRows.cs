using Hub.Contracts.Delivery.V1;

namespace Hub.Router.Recalls;

/// <summary>Folds (recall, delivery) rows of a join into recalls with their deliveries, keeping the rows' order.</summary>
public static class RecallRows
{
    public static IReadOnlyList<RecallNotice> Group(IEnumerable<(RecallNotice Notice, RecalledDelivery Delivery)> rows) =>
        [.. rows
            .GroupBy(r => r.Notice.RecallId)
            .Select(g => g.First().Notice with { Deliveries = [.. g.Select(r => r.Delivery)] })];
}
