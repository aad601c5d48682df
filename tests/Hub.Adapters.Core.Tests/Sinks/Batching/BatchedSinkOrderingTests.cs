using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Delivery.Deduplication;
using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Core.Tests.Sinks.Batching;

/// <summary>
/// Record-after-effect with batched durability (docs/adr/0010), through the real delivery endpoint: the delivery's
/// file is in place (renamed, flushed) before its id is recorded, and the message is acknowledged (its consume ends)
/// only after the record.
/// </summary>
public sealed class BatchedSinkOrderingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-outbox-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task When_a_delivery_is_handled_should_make_the_effect_durable_then_record_it_then_acknowledge_it()
    {
        var outbox = Path.Combine(_folder, "outbox");
        var deduplicator = new GatedDeduplicator(id => File.Exists(Path.Combine(outbox, $"{id:D}.json")) && !Directory.EnumerateFiles(outbox, ".*").Any());
        await using var host = await AdapterTestHost.StartAsync(services =>
        {
            services.AddSingleton<IDeliverySink>(new DropFolderSink(new DropFolderSinkOptions { Path = outbox }, NullLogger<DropFolderSink>.Instance));
            services.AddSingleton<IDeliveryDeduplicator>(deduplicator);
        });
        var delivery = TestDeliveries.For(AgencyCode.Police);

        await host.DeliverAsync(AgencyCode.Police, delivery);
        await deduplicator.Recording.Task;

        deduplicator.AtRecord.ShouldBe(true, "the document was renamed into place, with no temp file left, before the record began");
        host.Consumes.All.ShouldBeEmpty("the message is not acknowledged while its record is still being written");
        deduplicator.Release.SetResult();
        await host.WaitForConsumesAsync(delivery.DeliveryId, 1);
    }

    [Fact]
    public async Task When_many_deliveries_arrive_together_should_write_each_once_and_record_every_id_durably()
    {
        var outbox = Path.Combine(_folder, "outbox");
        var store = Path.Combine(_folder, "handled.db");
        await using (var host = await AdapterTestHost.StartAsync(services =>
        {
            services.AddSingleton<IDeliverySink>(new DropFolderSink(new DropFolderSinkOptions { Path = outbox }, NullLogger<DropFolderSink>.Instance));
            services.AddSingleton<IDeliveryDeduplicator>(new SqliteDeliveryDeduplicator(store, "adapter_handled_deliveries", TimeProvider.System));
        }))
        {
            var deliveries = Enumerable.Range(0, 100).Select(_ => TestDeliveries.For(AgencyCode.Police)).ToList();
            await Task.WhenAll(deliveries.Select(d => host.DeliverAsync(AgencyCode.Police, d)));
            foreach (var delivery in deliveries)
            {
                await host.WaitForConsumesAsync(delivery.DeliveryId, 1);
            }

            Directory.GetFiles(outbox).Select(Path.GetFileName).ShouldBe([.. deliveries.Select(d => $"{d.DeliveryId:D}.json")], ignoreOrder: true);
        }

        using var reopened = new SqliteDeliveryDeduplicator(store, "adapter_handled_deliveries", TimeProvider.System);
        (await reopened.TryBeginAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeTrue();
        foreach (var file in Directory.GetFiles(outbox))
        {
            (await reopened.TryBeginAsync(Guid.Parse(Path.GetFileNameWithoutExtension(file)), CancellationToken.None)).ShouldBeFalse("every written delivery's id is in the store");
        }
    }
}
