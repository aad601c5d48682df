using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Adapters.Core.Tests.Sinks.DropFolder;

public sealed class DropFolderSinkTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agencyhub-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task When_a_delivery_is_redelivered_should_leave_one_file_with_identical_content_and_no_temp_files()
    {
        var sink = Sink();
        var delivery = TestDeliveries.For(AgencyCode.Police);
        await sink.HandleAsync(delivery, CancellationToken.None);
        var first = await File.ReadAllBytesAsync(sink.DeliveryPath(delivery.DeliveryId));

        await Sink().HandleAsync(delivery, CancellationToken.None);

        (await File.ReadAllBytesAsync(sink.DeliveryPath(delivery.DeliveryId))).ShouldBe(first);
        Directory.GetFiles(_folder).Select(Path.GetFileName).ShouldBe([$"{delivery.DeliveryId:D}.json"]);
    }

    [Fact]
    public async Task When_writing_should_never_show_a_partial_file_under_the_delivery_name()
    {
        var sink = Sink();
        var delivery = TestDeliveries.For(AgencyCode.Police);
        var path = sink.DeliveryPath(delivery.DeliveryId);
        await sink.HandleAsync(delivery, CancellationToken.None);
        var whole = await File.ReadAllBytesAsync(path);
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (!(await File.ReadAllBytesAsync(path, CancellationToken.None)).AsSpan().SequenceEqual(whole))
                    {
                        torn++;
                    }
                }
                catch (FileNotFoundException)
                {
                    torn++;
                }
            }
        });

        for (var i = 0; i < 200; i++)
        {
            await sink.HandleAsync(delivery, CancellationToken.None);
        }

        await stop.CancelAsync();
        await reader;
        torn.ShouldBe(0);
    }

    [Fact]
    public async Task When_a_delivery_is_recalled_should_write_the_notice_remove_the_file_and_refuse_a_later_redelivery()
    {
        var sink = Sink();
        var kept = TestDeliveries.For(AgencyCode.Police);
        var recalled = TestDeliveries.For(AgencyCode.Police);
        await sink.HandleAsync(kept, CancellationToken.None);
        await sink.HandleAsync(recalled, CancellationToken.None);
        var neverHeld = Guid.NewGuid();
        var recall = Recall(recalled.DeliveryId, neverHeld);

        var outcome = await sink.RecallAsync(recall, CancellationToken.None);
        var again = await sink.RecallAsync(recall, CancellationToken.None);
        await sink.HandleAsync(recalled, CancellationToken.None);

        outcome.Erased.ShouldBe([recalled.DeliveryId]);
        outcome.NotHeld.ShouldBe([neverHeld]);
        again.Erased.ShouldBeEmpty();
        File.Exists(sink.DeliveryPath(recalled.DeliveryId)).ShouldBeFalse();
        File.Exists(sink.DeliveryPath(kept.DeliveryId)).ShouldBeTrue();
        (await File.ReadAllTextAsync(Path.Combine(_folder, $"{recall.RecallId:D}.recall.json"))).ShouldContain(recalled.DeliveryId.ToString("D"));
    }

    private DropFolderSink Sink() => new(new DropFolderSinkOptions { Path = _folder }, NullLogger<DropFolderSink>.Instance);

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
