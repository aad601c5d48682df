using Hub.Simulation.Formats;
using Hub.Simulation.Timeline;

namespace Hub.LoadHarness.Feed;

/// <summary>
/// Drops release lists into the probation worker's inbox as a transfer job would: written beside the inbox, then renamed
/// into it, so the worker never sees a half-written file. Returns when each file became visible.
/// </summary>
public sealed class DropWriter(string inbox)
{
    private readonly string _staging = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(inbox)!, "staging")).FullName;

    public DateTimeOffset Drop(string name, IReadOnlyList<ReleaseNotice> notices)
    {
        var staged = Path.Combine(_staging, name);
        File.WriteAllBytes(staged, DropFileRenderer.Render(DropFileKind.ReleaseList, notices));
        File.Move(staged, Path.Combine(inbox, name));
        return TimeProvider.System.GetUtcNow();
    }
}
