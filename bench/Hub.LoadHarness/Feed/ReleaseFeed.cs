using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Simulation.Timeline;

namespace Hub.LoadHarness.Feed;

/// <summary>
/// Release notices from the simulator (synthetic people, Lewisham's Friday skew and amendments), in timeline order,
/// scaled up until there are enough. Opt-in consent references are dropped: the load is the release notices alone, so
/// a notice never cites a consent whose own file the harness did not feed.
/// </summary>
public static class ReleaseFeed
{
    /// <summary>The probation worker's record kind for release notices (ReleaseNoticeMapper.RecordKind): event ids derive from it.</summary>
    public const string RecordKind = "release-notice";

    public static IReadOnlyList<ReleaseNotice> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        for (var scale = Math.Max(1, Math.Ceiling(count / 800.0)); ; scale *= 2)
        {
            var timeline = SimulationTimeline.Generate(new SimulationSettings { Start = new DateOnly(2026, 1, 5), Days = 365, Seed = seed, Scale = scale });
            var notices = timeline.Records.OfType<ReleaseNotice>().Select(n => n with { OptInConsentRef = null }).ToList();
            if (notices.Count >= count)
            {
                return notices[..count];
            }
        }
    }

    /// <summary>The id the probation worker gives the event of <paramref name="notice"/>.</summary>
    public static Guid EventIdOf(ReleaseNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return RecordEventIds.For(AgencyCode.Probation, RecordKind, notice.NoticeId);
    }
}
