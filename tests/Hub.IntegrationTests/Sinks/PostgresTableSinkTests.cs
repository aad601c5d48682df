using Hub.Adapters.Core.Sinks.Postgres;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hub.IntegrationTests.Sinks;

/// <summary>The Postgres table sink against a real Postgres: one row per delivery id, obligations as columns, recall in one statement.</summary>
[Collection(ServersGroup.Name)]
public sealed class PostgresTableSinkTests(ServersFixture servers) : IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() => _database = NpgsqlDataSource.Create(await servers.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task When_a_delivery_is_redelivered_should_keep_one_row_with_its_obligations()
    {
        using var sink = Sink();
        var delivery = SinkDeliveries.ToPolice(retentionDays: 30);

        await sink.HandleAsync(delivery, CancellationToken.None);
        await sink.HandleAsync(delivery, CancellationToken.None);
        using var restarted = Sink();
        await restarted.HandleAsync(delivery, CancellationToken.None);

        await using var command = _database.CreateCommand("SELECT count(*), min(retain_until), bool_and(onward_sharing_forbidden), min(payload->>'releaseDate'), min(flow_id) FROM agency.hub_deliveries WHERE delivery_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = delivery.DeliveryId });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(1);
        reader.GetFieldValue<DateTimeOffset>(1).ShouldBe(delivery.DecidedAt.AddDays(30));
        reader.GetBoolean(2).ShouldBeTrue();
        reader.GetString(3).ShouldBe("2026-12-04");
        reader.GetString(4).ShouldBe("F1");
    }

    [Fact]
    public async Task When_a_delivery_is_recalled_should_erase_its_payload_once_and_not_bring_it_back_on_redelivery()
    {
        using var sink = Sink();
        var recalled = SinkDeliveries.ToPolice();
        var kept = SinkDeliveries.ToPolice(retentionDays: null);
        await sink.HandleAsync(recalled, CancellationToken.None);
        await sink.HandleAsync(kept, CancellationToken.None);
        var neverHeld = Guid.NewGuid();
        var recall = Recall(recalled.DeliveryId, neverHeld);

        var outcome = await sink.RecallAsync(recall, CancellationToken.None);
        var again = await sink.RecallAsync(recall, CancellationToken.None);
        await sink.HandleAsync(recalled, CancellationToken.None);

        outcome.Erased.ShouldBe([recalled.DeliveryId]);
        outcome.NotHeld.ShouldBe([neverHeld]);
        again.Erased.ShouldBeEmpty();
        (await ScalarAsync("SELECT payload IS NULL AND recall_id = $2 FROM agency.hub_deliveries WHERE delivery_id = $1", recalled.DeliveryId, recall.RecallId)).ShouldBe(true);
        (await ScalarAsync("SELECT payload IS NOT NULL AND retain_until IS NULL AND recalled_at IS NULL FROM agency.hub_deliveries WHERE delivery_id = $1", kept.DeliveryId, recall.RecallId)).ShouldBe(true);
    }

    private PostgresTableSink Sink() => new(_database, new PostgresSinkOptions { Table = "agency.hub_deliveries" }, TimeProvider.System, NullLogger<PostgresTableSink>.Instance);

    private async Task<object?> ScalarAsync(string sql, Guid deliveryId, Guid recallId)
    {
        await using var command = _database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        command.Parameters.Add(new NpgsqlParameter { Value = recallId });
        return await command.ExecuteScalarAsync();
    }

    private static RecallRequested Recall(params Guid[] deliveryIds) => new()
    {
        RecallId = Guid.NewGuid(),
        Recipient = AgencyCode.Police,
        ConsentRef = "CONSENT-T1",
        WithdrawnAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
        RequestedAt = new DateTimeOffset(2026, 11, 21, 9, 0, 1, TimeSpan.Zero),
        Deliveries = [.. deliveryIds.Select(id => new RecalledDelivery { DeliveryId = id, EventId = Guid.NewGuid(), EventType = "custody.release.scheduled", Source = AgencyCode.Probation })],
        Reason = "Consent withdrawn.",
    };
}
