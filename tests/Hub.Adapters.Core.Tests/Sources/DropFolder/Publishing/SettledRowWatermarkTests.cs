using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.DropFolder.Publishing;
using Hub.Adapters.Core.Sources.Records;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder.Publishing;

public sealed class SettledRowWatermarkTests
{
    private static readonly RecordOutcome Confirmed = RecordOutcome.Confirmed(Guid.NewGuid(), "release-notice");

    private static DropFileCheckpoint From(int lastRow) => new() { ContentSha256 = "hash", LastRow = lastRow, Published = lastRow, Quarantined = [] };

    [Fact]
    public void When_rows_settle_out_of_order_should_not_pass_the_first_unsettled_row()
    {
        var watermark = new SettledRowWatermark(From(0));

        watermark.Settle(2, Confirmed).ShouldBeFalse();
        watermark.Settle(3, Confirmed).ShouldBeFalse();
        watermark.LastRow.ShouldBe(0, "row 1 is still in flight");
        watermark.Pending.ShouldBe(2);

        watermark.Settle(1, Confirmed).ShouldBeTrue();

        watermark.LastRow.ShouldBe(3, "the gap filled, so the watermark runs over every settled row above it");
        watermark.Pending.ShouldBe(0);
        watermark.Checkpoint.Published.ShouldBe(3);
    }

    [Fact]
    public void When_rejected_rows_settle_above_the_watermark_should_count_them_only_once_the_watermark_reaches_them()
    {
        var watermark = new SettledRowWatermark(From(10));

        watermark.Settle(13, RecordOutcome.Rejected(["release_date is not a date (yyyy-MM-dd)"]));
        watermark.Settle(12, Confirmed);
        watermark.Checkpoint.ShouldSatisfyAllConditions(
            c => c.LastRow.ShouldBe(10),
            c => c.Published.ShouldBe(10),
            c => c.Quarantined.ShouldBeEmpty());

        watermark.Settle(11, Confirmed);

        var checkpoint = watermark.Checkpoint;
        checkpoint.LastRow.ShouldBe(13);
        checkpoint.Published.ShouldBe(12);
        checkpoint.Quarantined.ShouldHaveSingleItem().Row.ShouldBe(13);
        checkpoint.ContentSha256.ShouldBe("hash");
    }

    [Fact]
    public void When_a_row_is_settled_twice_or_at_or_below_the_watermark_should_refuse()
    {
        var watermark = new SettledRowWatermark(From(5));
        watermark.Settle(7, Confirmed);

        Should.Throw<ArgumentException>(() => watermark.Settle(7, Confirmed));
        Should.Throw<ArgumentException>(() => watermark.Settle(5, Confirmed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void When_any_order_of_settling_is_played_should_always_equal_the_longest_settled_prefix(int seed)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(1, 200).OrderBy(_ => random.Next()).ToList();
        var watermark = new SettledRowWatermark(From(0));
        var settled = new HashSet<int>();

        foreach (var row in order)
        {
            watermark.Settle(row, Confirmed);
            settled.Add(row);
            var prefix = 0;
            while (settled.Contains(prefix + 1))
            {
                prefix++;
            }

            watermark.LastRow.ShouldBe(prefix);
            watermark.Checkpoint.Published.ShouldBe(prefix);
            watermark.Pending.ShouldBe(settled.Count - prefix);
        }
    }
}
