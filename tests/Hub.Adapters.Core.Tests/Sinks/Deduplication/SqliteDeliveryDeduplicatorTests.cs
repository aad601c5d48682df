using Hub.Adapters.Core.Delivery.Deduplication;

namespace Hub.Adapters.Core.Tests.Sinks.Deduplication;

public sealed class SqliteDeliveryDeduplicatorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "agencyhub-dedupe-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task When_a_handled_delivery_arrives_after_a_restart_should_refuse_it()
    {
        var id = Guid.NewGuid();
        using (var before = new SqliteDeliveryDeduplicator(_path, "adapter_handled_deliveries", TimeProvider.System))
        {
            (await before.TryBeginAsync(id, CancellationToken.None)).ShouldBeTrue();
            await before.CompleteAsync(id, CancellationToken.None);
        }

        using var after = new SqliteDeliveryDeduplicator(_path, "adapter_handled_deliveries", TimeProvider.System);
        (await after.TryBeginAsync(id, CancellationToken.None)).ShouldBeFalse();
        (await after.TryBeginAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task When_the_sink_failed_or_the_process_died_before_completing_should_let_the_redelivery_through()
    {
        var abandoned = Guid.NewGuid();
        var crashed = Guid.NewGuid();
        using (var before = new SqliteDeliveryDeduplicator(_path, "adapter_handled_deliveries", TimeProvider.System))
        {
            (await before.TryBeginAsync(abandoned, CancellationToken.None)).ShouldBeTrue();
            await before.AbandonAsync(abandoned, CancellationToken.None);
            (await before.TryBeginAsync(crashed, CancellationToken.None)).ShouldBeTrue();
        }

        using var after = new SqliteDeliveryDeduplicator(_path, "adapter_handled_deliveries", TimeProvider.System);
        (await after.TryBeginAsync(abandoned, CancellationToken.None)).ShouldBeTrue();
        (await after.TryBeginAsync(crashed, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task When_two_copies_are_in_flight_at_once_should_let_only_one_begin()
    {
        using var deduplicator = new SqliteDeliveryDeduplicator(_path, "adapter_handled_deliveries", TimeProvider.System);
        var id = Guid.NewGuid();

        (await deduplicator.TryBeginAsync(id, CancellationToken.None)).ShouldBeTrue();
        (await deduplicator.TryBeginAsync(id, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task When_pruning_should_forget_only_ids_handled_before_the_cutoff()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        using var deduplicator = new SqliteDeliveryDeduplicator(_path, "adapter_handled_deliveries", clock);
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        (await deduplicator.TryBeginAsync(old, CancellationToken.None)).ShouldBeTrue();
        await deduplicator.CompleteAsync(old, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        (await deduplicator.TryBeginAsync(recent, CancellationToken.None)).ShouldBeTrue();
        await deduplicator.CompleteAsync(recent, CancellationToken.None);

        (await deduplicator.PruneAsync(clock.GetUtcNow() - TimeSpan.FromDays(1), CancellationToken.None)).ShouldBe(1);

        (await deduplicator.TryBeginAsync(old, CancellationToken.None)).ShouldBeTrue("an id past retention is forgotten");
        (await deduplicator.TryBeginAsync(recent, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task When_the_files_folder_does_not_exist_yet_should_create_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agencyhub-dedupe-" + Guid.NewGuid().ToString("N"), "state");
        try
        {
            using var deduplicator = new SqliteDeliveryDeduplicator(Path.Combine(folder, "handled.db"), "adapter_handled_deliveries", TimeProvider.System);

            (await deduplicator.TryBeginAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeTrue();
            File.Exists(Path.Combine(folder, "handled.db")).ShouldBeTrue();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
