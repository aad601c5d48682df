using Hub.Adapters.Core.Sources.ChangeTable;

namespace Hub.Adapters.Core.Tests.Sources.ChangeTable;

public sealed class ChangeTableOptionsValidatorTests
{
    [Fact]
    public void When_disabled_should_accept_anything()
    {
        new ChangeTableOptionsValidator().Validate(null, new ChangeTableOptions { Table = "Not Valid" }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void When_enabled_without_a_connection_or_with_unsafe_names_should_name_each_setting()
    {
        var result = new ChangeTableOptionsValidator().Validate(null, new ChangeTableOptions
        {
            Enabled = true,
            Table = "changes; DROP TABLE x",
            ChangeIdColumn = "s.id",
            BatchSize = 0,
        });

        result.Failed.ShouldBeTrue();
        result.Failures!.ShouldContain(f => f.Contains("Adapter:Sources:ChangeTable:ConnectionString", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.Contains("Adapter:Sources:ChangeTable:Table", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.Contains("Adapter:Sources:ChangeTable:ChangeIdColumn", StringComparison.Ordinal));
        result.Failures!.ShouldContain(f => f.Contains("Adapter:Sources:ChangeTable:BatchSize", StringComparison.Ordinal));
    }

    [Fact]
    public void When_enabled_with_a_qualified_table_and_no_kind_column_should_pass()
    {
        new ChangeTableOptionsValidator().Validate(null, new ChangeTableOptions
        {
            Enabled = true,
            ConnectionString = "Host=db;Database=casework",
            Table = "casework.release_changes",
            KindColumn = string.Empty,
        }).Succeeded.ShouldBeTrue();
    }
}
