using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Timeline;

public sealed class ReleaseTimelineTests
{
    [Fact]
    public void When_a_year_is_simulated_at_scale_one_should_release_near_the_830_of_section_4a()
    {
        var releases = Timelines.Year.Of<ReleaseNotice>().Count(n => n.Kind == RecordKind.ReleaseNotice);

        releases.ShouldBeInRange(747, 913, "830 a year, within 10%");
    }

    [Fact]
    public void When_a_year_is_simulated_should_put_clearly_more_than_a_seventh_of_release_dates_on_fridays()
    {
        var dates = Timelines.Year.Of<ReleaseNotice>().Where(n => n.Kind == RecordKind.ReleaseNotice).Select(n => n.ReleaseDate).ToList();

        var fridayShare = dates.Count(d => d.DayOfWeek == DayOfWeek.Friday) / (double)dates.Count;
        fridayShare.ShouldBeGreaterThan(0.25, "§4d: Friday takes 30–40%, against 1/7 for an even spread");
        fridayShare.ShouldBeLessThan(0.45);
    }

    [Fact]
    public void When_a_year_is_simulated_should_serve_about_60_percent_under_twelve_months()
    {
        var months = Timelines.Year.Of<ReleaseNotice>().Where(n => n.Kind == RecordKind.ReleaseNotice).Select(n => n.SentenceMonths!.Value).ToList();

        (months.Count(m => m < 12) / (double)months.Count).ShouldBeInRange(0.52, 0.68, "§4a: 500 of 830");
    }

    [Fact]
    public void When_a_notice_is_amended_should_supersede_a_notice_issued_earlier_in_the_same_timeline()
    {
        var notices = Timelines.Year.Of<ReleaseNotice>().ToList();
        var byId = notices.ToDictionary(n => n.NoticeId);
        var amendments = notices.Where(n => n.Kind == RecordKind.ReleaseAmendment).ToList();

        amendments.Count.ShouldBeGreaterThan(100);
        foreach (var amendment in amendments)
        {
            var superseded = byId[amendment.SupersedesNoticeId!];
            superseded.IssuedAt.ShouldBeLessThan(amendment.IssuedAt);
            amendment.PreviousReleaseDate.ShouldBe(superseded.ReleaseDate);
            amendment.ReleaseDate.ShouldNotBe(superseded.ReleaseDate);
            amendment.Person.ShouldBe(superseded.Person);
            amendment.ReleaseDate.ShouldBeGreaterThan(DateOnly.FromDateTime(amendment.IssuedAt.UtcDateTime));
        }
    }

    [Fact]
    public void When_a_year_is_simulated_should_give_every_notice_its_own_id()
    {
        var ids = Timelines.Year.Of<ReleaseNotice>().Select(n => n.NoticeId).ToList();

        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void When_scaled_by_ten_should_release_about_ten_times_as_many()
    {
        var one = Timelines.Generate(days: 28, scale: 1).Of<ReleaseNotice>().Count(n => n.Kind == RecordKind.ReleaseNotice);
        var ten = Timelines.Generate(days: 28, scale: 10).Of<ReleaseNotice>().Count(n => n.Kind == RecordKind.ReleaseNotice);

        ten.ShouldBeInRange(one * 6, one * 15);
        ten.ShouldBeInRange(560, 720, "830 × 10 × 28/365 ≈ 637");
    }
}
