using System.Threading.Channels;

namespace Hub.Router.Consent.Holding;

/// <summary>
/// Wakes <see cref="HeldEventReleaser"/> when this router registers a consent, so events held for it go at once, or a
/// retraction, so held events it names are sent to be denied at once rather than at the end of their window; and when it
/// holds an event, because the consent it waits for may have been registered (and its release pass run) between the
/// ingress reading the registry and the hold being committed.
/// </summary>
public sealed class HoldSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void ConsentRecorded() => _wake.Writer.TryWrite(true);

    public void RetractionRecorded() => _wake.Writer.TryWrite(true);

    public void EventHeld() => _wake.Writer.TryWrite(true);

    /// <summary>Completes at the next signal (or at once if one came since the last wait).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _wake.Reader.ReadAsync(cancellationToken);
}
