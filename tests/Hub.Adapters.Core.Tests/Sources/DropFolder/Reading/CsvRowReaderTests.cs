using System.Text;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.DropFolder.Reading;

namespace Hub.Adapters.Core.Tests.Sources.DropFolder.Reading;

public sealed class CsvRowReaderTests
{
    private const string Secret = "2019/0000001Z";

    private static async Task<(IReadOnlyList<string> Header, List<DropRow> Rows)> ReadAsync(string text)
    {
        await using var reader = new CsvRowReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var rows = new List<DropRow>();
        await foreach (var row in reader.ReadAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        return (reader.Header, rows);
    }

    [Fact]
    public async Task When_a_quote_is_never_closed_should_refuse_the_file_naming_the_line_where_it_opens_and_no_value()
    {
        var error = await Should.ThrowAsync<DropFileFormatException>(() => ReadAsync($"a,b,c\n1,2,3\n4,\"{Secret},6\n7,8,9\n"));

        error.Message.ShouldBe("line 3: a quoted cell opens there and is never closed");
        error.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task When_a_header_name_repeats_should_refuse_the_file_naming_line_1_and_the_column_positions_not_the_name()
    {
        var error = await Should.ThrowAsync<DropFileFormatException>(() => ReadAsync($"{Secret},b,{Secret}\n1,2,3\n"));

        error.Message.ShouldBe("line 1: header columns 1 and 3 have the same name");
        error.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task When_the_file_is_empty_should_refuse_it_for_want_of_a_header()
    {
        var error = await Should.ThrowAsync<DropFileFormatException>(() => ReadAsync(string.Empty));

        error.Message.ShouldBe(CsvRowReader.NoHeader);
    }

    [Fact]
    public async Task When_a_row_has_a_stray_quote_or_the_wrong_cell_count_should_make_only_that_row_a_located_problem()
    {
        var (_, rows) = await ReadAsync($"a,b,c\n1,{Secret}\"x,3\n4,5\n\n7,8,9\n");

        rows.Select(r => r.Row).ShouldBe([1, 2, 3]);
        rows[0].ReadProblem.ShouldBe("line 2: a quote inside an unquoted cell");
        rows[1].ReadProblem.ShouldBe("line 3: the row has 2 cells; the header has 3");
        rows[2].ReadProblem.ShouldBeNull();
        rows[2].Fields!.Value.GetProperty("c").GetString().ShouldBe("9");
        rows.ShouldAllBe(r => r.ReadProblem == null || !r.ReadProblem.Contains(Secret));
    }

    [Fact]
    public async Task When_cells_are_quoted_should_keep_commas_quotes_and_line_breaks_and_count_rows_from_the_first_after_the_header()
    {
        var (header, rows) = await ReadAsync("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\n\n1,2,3\n");

        header.ShouldBe(["a", "b", "c"]);
        rows.Select(r => r.Row).ShouldBe([1, 2]);
        rows[0].Cells.ShouldBe(["x, y", "say \"hi\"", "line1\nline2"]);
        rows[1].ReadProblem.ShouldBeNull();
    }

    [Fact]
    public void When_read_whole_with_an_unterminated_quote_should_give_a_file_problem_and_no_rows()
    {
        var file = DropFileReader.Read(DropFileFormat.Csv, Encoding.UTF8.GetBytes("a,b\n\"1,2\n"));

        file.FileProblem.ShouldBe("line 2: a quoted cell opens there and is never closed");
        file.Rows.ShouldBeEmpty();
    }
}
