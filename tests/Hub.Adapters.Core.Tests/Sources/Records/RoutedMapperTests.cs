using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Tests.Sources.Support;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Core.Tests.Sources.Records;

public sealed class RoutedMapperTests
{
    private static readonly RecordContext Context = new(AgencyCode.Probation, Guid.NewGuid(), "test");

    [Fact]
    public void When_a_csv_row_matches_a_pattern_should_bind_snake_case_headers_and_run_that_kinds_mapper()
    {
        var mapping = new ReleaseFolderMapper().Map(Row("release-list-2026-11.csv", """{"release_date":"2026-12-04","establishment":"HMP Fictional","resettlement_area":"lewisham","sentence_months":"18"}"""), Context);

        var release = mapping.Event.ShouldBeOfType<ReleaseScheduled>();
        release.ReleaseDate.ShouldBe(new DateOnly(2026, 12, 4));
        release.Establishment.ShouldBe("HMP Fictional");
    }

    [Fact]
    public void When_a_json_row_matches_should_bind_camel_case_names()
    {
        var mapping = new ReleaseFolderMapper().Map(Row("RELEASES.json", """{"releaseDate":"2026-12-04","establishment":"HMP Fictional","resettlementArea":"lewisham","sentenceMonths":18}"""), Context);

        mapping.Event.ShouldBeOfType<ReleaseScheduled>().ResettlementArea.ShouldBe("lewisham");
    }

    [Fact]
    public void When_no_pattern_matches_should_reject_naming_the_patterns_and_not_the_file_contents()
    {
        var mapping = new ReleaseFolderMapper().Map(Row("payroll.csv", """{"release_date":"Jane Fictional"}"""), Context);

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldContain("release-list*.csv");
        mapping.Problems[0].ShouldNotContain("Jane");
    }

    [Fact]
    public void When_a_field_has_the_wrong_json_type_should_reject_with_its_path_and_never_its_value()
    {
        var mapping = new ReleaseFolderMapper().Map(Row("releases.json", """{"releaseDate":{"nested":"SECRET-VALUE"}}"""), Context);

        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("$.releaseDate");
        mapping.Problems[0].ShouldNotContain("SECRET-VALUE");
    }

    [Fact]
    public void When_the_agency_mapper_finds_problems_should_reject_with_each_field_problem()
    {
        var mapping = new ReleaseFolderMapper().Map(Row("release-list.csv", """{"release_date":"not-a-date"}"""), Context);

        mapping.Problems.ShouldBe(["release_date: is not a date (yyyy-MM-dd)", "establishment: is required"]);
    }

    [Fact]
    public void When_a_body_is_posted_for_a_routed_event_type_should_bind_it_and_refuse_other_types()
    {
        var mapper = new ReleaseHttpMapper();
        using var body = JsonDocument.Parse("""{"releaseDate":"2026-12-04","establishment":"HMP Fictional","resettlementArea":"lewisham"}""");

        mapper.Map(new HttpIngestRecord("custody.release.scheduled", body.RootElement), Context).Event.ShouldBeOfType<ReleaseScheduled>();
        mapper.Map(new HttpIngestRecord("custody.release.amended", body.RootElement), Context).Problems.ShouldHaveSingleItem().ShouldStartWith("eventType: this adapter has no mapper");
    }

    private static DropFolderRecord Row(string file, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new DropFolderRecord(file, 1, document.RootElement.Clone());
    }

    private sealed class ReleaseFolderMapper : FileRoutedMapper
    {
        public ReleaseFolderMapper()
        {
            Route<ReleaseRow, IShareableEvent>("release-list*.csv", MapRelease);
            Route<ReleaseRow, IShareableEvent>("releases.json", MapRelease);
        }
    }

    private sealed class ReleaseHttpMapper : EventTypeRoutedMapper
    {
        public ReleaseHttpMapper() => Route<ReleaseRow, IShareableEvent>("custody.release.scheduled", MapRelease);
    }

    private sealed class ReleaseRow
    {
        public string? ReleaseDate { get; set; }

        public string? Establishment { get; set; }

        public string? ResettlementArea { get; set; }

        public int? SentenceMonths { get; set; }
    }

    private static MappingResult<IShareableEvent> MapRelease(ReleaseRow row)
    {
        var fields = new FieldReader();
        var date = fields.Date("release_date", row.ReleaseDate);
        var establishment = fields.Required("establishment", row.Establishment);
        return fields.HasProblems
            ? MappingResult<IShareableEvent>.Failure(fields.Problems)
            : MappingResult<IShareableEvent>.Success(new ReleaseScheduled
            {
                Envelope = ReleaseFields.Envelope(),
                ReleaseDate = date,
                Establishment = establishment!,
                SentenceBand = SentenceBand.UnderTwelveMonths,
                ResettlementArea = row.ResettlementArea ?? "lewisham",
            });
    }
}
