using System.Text.Json;
using Hub.Adapters.Core.Sources.ChangeTable;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.Sources;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.Adapters.Agencies.Tests.Support;
using Hub.Contracts.Agencies;

namespace Hub.Adapters.Agencies.Tests.Jcp;

public sealed class JcpChangeMapperTests
{
    private static readonly RecordContext Context = new(AgencyCode.Jcp, Guid.NewGuid(), "test");

    [Fact]
    public void When_a_change_row_has_the_csv_exports_columns_should_map_to_the_same_event_as_the_file_row()
    {
        var folder = new JcpFolderMapper(new EmploymentStatusCheckMapper(), new ProgrammeReferralMapper());
        var changes = new JcpChangeMapper(new EmploymentStatusCheckMapper(), new ProgrammeReferralMapper());
        foreach (var (file, kind) in new[] { ("employment-status-checks.csv", JcpChangeMapper.StatusCheckKind), ("programme-referrals.csv", JcpChangeMapper.ReferralKind) })
        {
            var row = DropSamples.Read("jcp", file)[0];
            var change = new ChangeTableRecord("jcp_hub.outgoing", 7, kind, WithChangeColumns(row.Fields, kind));

            var fromTable = changes.Map(change, Context).Event.ShouldNotBeNull();
            var fromFile = folder.Map(row, Context).Event.ShouldNotBeNull();

            fromTable.Envelope.EventId.ShouldBe(fromFile.Envelope.EventId, file);
            JsonSerializer.Serialize(fromTable, fromTable.GetType(), Hub.Contracts.ContractJson.Options).ShouldBe(JsonSerializer.Serialize(fromFile, fromFile.GetType(), Hub.Contracts.ContractJson.Options), file);
        }
    }

    [Fact]
    public void When_the_kind_is_not_jcps_should_reject_naming_the_kinds_it_takes()
    {
        using var empty = JsonDocument.Parse("{}");

        new JcpChangeMapper(new EmploymentStatusCheckMapper(), new ProgrammeReferralMapper())
            .Map(new ChangeTableRecord("jcp_hub.outgoing", 8, "payroll", empty.RootElement.Clone()), Context)
            .Problems.ShouldBe(["record_kind: this adapter has no mapper for it (it takes employment-status-check, programme-referral)"]);
    }

    private static JsonElement WithChangeColumns(JsonElement fields, string kind)
    {
        var row = System.Text.Json.Nodes.JsonNode.Parse(fields.GetRawText())!.AsObject();
        row["change_id"] = 7;
        row["record_kind"] = kind;
        return JsonSerializer.SerializeToElement(row);
    }
}
