using Hub.Simulation.Timeline;

namespace Hub.LoadHarness.Feed;

/// <summary>Hands out the run's release notices in timeline order, each once, so no two phases feed the same event.</summary>
public sealed class NoticeSupply(IReadOnlyList<ReleaseNotice> notices)
{
    private int _next;

    public IReadOnlyList<ReleaseNotice> Take(int count)
    {
        if (_next + count > notices.Count)
        {
            throw new InvalidOperationException($"The feed has {notices.Count - _next} notices left, {count} asked for.");
        }

        var taken = notices.Skip(_next).Take(count).ToList();
        _next += count;
        return taken;
    }
}
