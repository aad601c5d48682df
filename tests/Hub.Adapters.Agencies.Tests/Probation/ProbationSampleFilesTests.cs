using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Probation.Sources;
using Hub.Contracts.Catalogue;

namespace Hub.Adapters.Agencies.Tests.Probation;

/// <summary>
/// Every file in samples/probation/ as the drop folder reads it: each row maps to the event type expected, or is
/// rejected naming fields; a file no route knows is rejected whole.
/// </summary>
public sealed class ProbationSampleFilesTests
{
    private readonly ProbationFolderMapper _mapper = new(new ProbationMappers());

    [Theory]
    [InlineData("release-list.csv", "custody.release.scheduled,custody.release.amended,")]
    [InlineData("oasys-assessments.json", "assessment.common.completed,assessment.common.completed,")]
    [InlineData("case-transfers.csv", "case.lead-professional.changed,")]
    [InlineData("consents.csv", "consent.recorded,consent.recorded,consent.recorded,consent.withdrawn,,,")]
    [InlineData("leaving-care-referrals.csv", "leaving-care.accommodation-need.identified,leaving-care.accommodation-need.identified,")]
    public void When_a_sample_file_is_dropped_should_map_each_row_to_its_event_type_or_reject_it_naming_fields(string file, string expected)
    {
        var rows = DropSamples.Prepare(_mapper, "probation", file);

        rows.Select(r => r.Event is { } e && EventCatalogue.TryGet(e.GetType(), out var info) ? info.Name : string.Empty).ShouldBe(expected.Split(','));
        rows.Where(r => r.Event is null).ShouldAllBe(r => r.Problems.Count > 0 && r.Problems.All(p => p.Contains(':')));
    }

    [Fact]
    public void When_every_sample_file_is_listed_should_have_a_route_for_each()
    {
        var files = Directory.GetFiles(RepoPaths.File("samples", "probation")).Select(Path.GetFileName).ToList();

        files.ShouldAllBe(f => _mapper.Patterns.Any(p => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(p, f!, true)));
    }

    [Fact]
    public void When_a_file_matches_no_route_should_reject_its_rows_naming_the_file()
    {
        var row = DropSamples.Read("probation", "case-transfers.csv")[0] with { File = "unknown-export.csv" };

        var mapping = _mapper.Map(row, new Hub.Adapters.Core.Sources.Records.RecordContext(Hub.Contracts.Agencies.AgencyCode.Probation, Guid.NewGuid(), "test"));

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("file:");
    }
}
