using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.ChangeTable;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Tests.Sources.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;

namespace Hub.Adapters.Core.Tests.Sources.ChangeTable;

public sealed class ChangeKindRoutedMapperTests
{
    private static readonly RecordContext Context = new(AgencyCode.Probation, Guid.NewGuid(), "test");

    [Fact]
    public void When_the_kind_is_routed_should_bind_snake_case_columns_including_a_nested_jsonb_record()
    {
        var mapping = new Mapper().Map(Change("release", """{"change_id":4,"record_kind":"release","record":{"release_date":"2026-12-04","establishment":"HMP Fictional"}}"""), Context);

        mapping.Event.ShouldBeOfType<ReleaseScheduled>().Establishment.ShouldBe("HMP Fictional");
    }

    [Fact]
    public void When_the_kind_is_missing_or_unrouted_should_reject_naming_the_kinds_it_takes()
    {
        new Mapper().Map(Change(null, "{}"), Context).Problems.ShouldBe(["record_kind: this adapter has no mapper for it (it takes release)"]);
        new Mapper().Map(Change("payroll", "{}"), Context).Problems.ShouldBe(["record_kind: this adapter has no mapper for it (it takes release)"]);
    }

    private static ChangeTableRecord Change(string? kind, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ChangeTableRecord("casework.release_changes", 4, kind, document.RootElement.Clone());
    }

    private sealed class Mapper : ChangeKindRoutedMapper
    {
        public Mapper() => Route("release", (ReleaseChange change) => Map(change));

        private static MappingResult<ReleaseScheduled> Map(ReleaseChange change)
        {
            var fields = new FieldReader();
            var date = fields.Date("record.release_date", change.Record?.ReleaseDate);
            var establishment = fields.Required("record.establishment", change.Record?.Establishment);
            return fields.HasProblems
                ? MappingResult<ReleaseScheduled>.Failure(fields.Problems)
                : MappingResult<ReleaseScheduled>.Success(new ReleaseScheduled
                {
                    Envelope = ReleaseFields.Envelope(),
                    ReleaseDate = date,
                    Establishment = establishment,
                    SentenceBand = SentenceBand.UnderTwelveMonths,
                    ResettlementArea = "lewisham",
                });
        }
    }

    private sealed class ReleaseChange
    {
        public long ChangeId { get; set; }

        public ReleaseRow? Record { get; set; }
    }

    private sealed class ReleaseRow
    {
        public string? ReleaseDate { get; set; }

        public string? Establishment { get; set; }
    }
}
