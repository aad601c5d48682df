using Hub.Reports.Display;

namespace Hub.Cli.Tests.Reports;

/// <summary>Report times are UK wall-clock time with the offset, across the clock changes.</summary>
public sealed class LondonTimeTests
{
    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "20 November 2026, 10:00:00 GMT (+00:00)")]
    [InlineData("2026-07-01T08:30:00Z", "1 July 2026, 09:30:00 BST (+01:00)")]
    [InlineData("2026-03-29T00:59:59Z", "29 March 2026, 00:59:59 GMT (+00:00)")]
    [InlineData("2026-03-29T01:00:00Z", "29 March 2026, 02:00:00 BST (+01:00)")]
    [InlineData("2026-10-25T00:30:00Z", "25 October 2026, 01:30:00 BST (+01:00)")]
    [InlineData("2026-10-25T01:30:00Z", "25 October 2026, 01:30:00 GMT (+00:00)")]
    public void When_an_instant_is_shown_should_read_as_uk_time_with_its_offset(string utc, string expected) =>
        LondonTime.Format(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void When_there_is_no_instant_should_show_a_dash() => LondonTime.Format(null).ShouldBe("–");
}
