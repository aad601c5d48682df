using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Council.Housing;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Sources;
using Hub.Adapters.Probation.Transfers;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Employment.V1;
using Hub.Simulation.Formats;
using Hub.Simulation.Tests.Timeline;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Formats;

/// <summary>The files the simulator drops, read by the SDK's drop-folder reader and mapped by the agencies' own mappers.</summary>
public sealed class AdapterMapperTests(GeneratedDropFolder folder) : IClassFixture<GeneratedDropFolder>
{
    [Fact]
    public void When_release_lists_are_read_should_map_every_row_through_the_probation_folder_mapper()
    {
        var mapper = new ProbationFolderMapper(new ProbationMappers());
        var rows = folder.Rows("probation", "release-list-*.csv");
        var events = rows.Select(r => mapper.Map(new DropFolderRecord(r.File, r.Row.Row, r.Row.Fields!.Value), Context(AgencyCode.Probation)))
            .Select(m => m.Event ?? throw new ShouldAssertException(string.Join("; ", m.Problems))).ToList();

        rows.ShouldAllBe(r => r.Row.ReadProblem == null);
        rows[0].Content.Header.ShouldBe(ReleaseListFormat.Header);
        events.Count.ShouldBe(folder.Timeline.Of<ReleaseNotice>().Count());
        events.ShouldAllBe(e => e.Envelope.Validate().Count == 0);
        var scheduled = events.OfType<ReleaseScheduled>().ToList();
        scheduled.ShouldNotBeEmpty();
        scheduled.ShouldAllBe(e => e.ResettlementArea == "lewisham");
        scheduled.ShouldContain(e => e.Envelope.Consent.ConsentRef != null);
        scheduled.ShouldContain(e => e.Envelope.Consent.LegalGateway == ReleaseNoticeMapper.Gateway);
        var earlier = new HashSet<Guid>();
        foreach (var e in events)
        {
            if (e is ReleaseAmended amended)
            {
                earlier.ShouldContain(amended.SupersedesEventId, "an amendment supersedes a notice dropped before it");
                amended.ResettlementArea.ShouldBe("lewisham");
            }

            earlier.Add(e.Envelope.EventId);
        }

        events.OfType<ReleaseAmended>().ShouldNotBeEmpty();
    }

    [Fact]
    public void When_housing_applications_are_read_should_map_every_row_to_a_status_query()
    {
        var mapper = new HousingApplicationMapper();
        var rows = folder.Rows("council", "housing-applications-*.json");
        var queries = rows.Select(r => RecordBinder.Map<HousingApplicationRecord, EmploymentStatusQueried>(r.Row.Fields!.Value, RecordNaming.CamelCase, mapper.Map))
            .Select(m => (EmploymentStatusQueried)(m.Event ?? throw new ShouldAssertException(string.Join("; ", m.Problems)))).ToList();

        queries.Count.ShouldBe(folder.Timeline.Of<HousingApplication>().Count());
        queries.ShouldAllBe(q => q.Envelope.Validate().Count == 0 && q.CheckpointWeeks >= 1);
        queries.Select(q => q.QueryId).ShouldBe(folder.Timeline.Of<HousingApplication>().Select(a => a.QueryId), ignoreOrder: true);
    }

    [Fact]
    public void When_status_checks_are_read_should_map_every_row_to_an_answer_quoting_a_housing_query()
    {
        var mapper = new EmploymentStatusCheckMapper();
        var rows = folder.Rows("jcp", "status-checks-*.csv");
        var answers = rows.Select(r => RecordBinder.Map<EmploymentStatusCheckRecord, EmploymentStatusAnswered>(r.Row.Fields!.Value, RecordNaming.SnakeCase, mapper.Map))
            .Select(m => (EmploymentStatusAnswered)(m.Event ?? throw new ShouldAssertException(string.Join("; ", m.Problems)))).ToList();
        var queried = folder.Timeline.Of<HousingApplication>().Select(a => a.QueryId).ToHashSet();

        rows[0].Content.Header.ShouldBe(StatusCheckListFormat.Header);
        answers.ShouldNotBeEmpty();
        answers.ShouldAllBe(a => a.Envelope.Validate().Count == 0 && queried.Contains(a.QueryId));
        answers.ShouldAllBe(a => a.Envelope.Consent.LegalGateway == "WRA2012-s131" && a.Envelope.Consent.CollectionPurpose == "homelessness-application");
    }

    private static RecordContext Context(AgencyCode agency) => new(agency, Guid.NewGuid(), "simulated row");
}
