using Hub.Adapters.Core.Sources.DropFolder;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder;

public sealed class CsvParserTests
{
    [Fact]
    public void When_cells_are_quoted_should_keep_commas_quotes_and_line_breaks_inside_them()
    {
        var records = CsvParser.Parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n\n");

        records.Count.ShouldBe(2);
        records[1].ShouldBe(["x, y", "say \"hi\"", "line1\nline2"]);
    }

    [Fact]
    public void When_formatting_cells_should_round_trip_through_the_parser()
    {
        string[] cells = ["plain", "with, comma", "with \"quote\"", "multi\nline", ""];

        CsvParser.Parse(CsvParser.Format(cells)).ShouldHaveSingleItem().ShouldBe(cells);
    }
}
