using Hub.Adapters.Core.Delivery;
using Hub.Adapters.Core.Publishing;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Router.Consent;
using Hub.Router.Ledger;
using Hub.Router.Recalls;
using Microsoft.Extensions.DependencyInjection;
using Hub.Sharing.Decisions;

namespace Hub.Cli.Embedded;

/// <summary>
/// The embedded run's AS-09 steps, one at a time (a withdrawal must be registered before the next event is decided):
/// opt-in, a release notice shared on the consent, withdrawal with recalls acknowledged, a release notice after it.
/// </summary>
internal sealed class ConsentPhase(IServiceProvider services, TextWriter output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly IConsentStore _consents = services.GetRequiredService<IConsentStore>();
    private readonly IRecallStore _recalls = services.GetRequiredService<IRecallStore>();
    private readonly ILedgerStore _ledger = services.GetRequiredService<ILedgerStore>();
    private readonly MemoryDeliverySink _sink = services.GetRequiredService<MemoryDeliverySink>();

    /// <summary>Plays the steps and prints them; false if any step did not complete in time.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var consentId = ConsentScenario.NewConsentId();
        var now = TimeProvider.System.GetUtcNow();
        output.WriteLine($"AS-09: an offender opts in to enhanced resettlement (consent {consentId}, the parties of DSA-009), then withdraws");

        await SubmitAsync(ConsentScenario.OptIn(consentId, now), cancellationToken);
        var record = await UntilAsync(() => _consents.FindAsync(consentId, cancellationToken), r => r is not null);
        if (record is null)
        {
            return false;
        }

        output.WriteLine($"  consent registered from {record.RecordedBy} (not shared onward): purposes {string.Join(", ", record.Purposes)}; covers {string.Join(", ", record.Recipients)}");
        var before = await DecideAsync("release notice while opted in", ConsentScenario.Release(consentId, now), cancellationToken);

        await SubmitAsync(ConsentScenario.Withdrawal(consentId, TimeProvider.System.GetUtcNow()), cancellationToken);
        var expected = before.Count(e => e.Footing == DecisionFooting.Consent);
        var recalls = await UntilAsync(
            async () => (await _recalls.RecallsAsync(includeAcknowledged: true, cancellationToken)).Where(r => r.Cause == RecallCause.ForConsent(consentId)).ToList(),
            r => r.Sum(x => x.Deliveries.Count) >= expected && r.All(x => x.AcknowledgedAt is not null));
        output.WriteLine($"  consent withdrawn: {recalls.Count} recall(s) under UK GDPR Art. 19");
        foreach (var recall in recalls)
        {
            output.WriteLine($"    recall to {recall.Recipient,-9} naming {recall.Deliveries.Count} delivery(ies): {(recall.AcknowledgedAt is null ? "not yet acknowledged" : $"acknowledged, {recall.Erased} erased")}");
        }

        foreach (var kept in before.Where(e => e.Outcome == LedgerOutcome.Allowed && e.Footing != DecisionFooting.Consent))
        {
            output.WriteLine($"    not recalled: {kept.Recipient} received it on a statutory basis ({kept.AgreementId}@{kept.AgreementVersion} flow {kept.FlowId}), not on the consent");
        }

        var after = await DecideAsync("release notice after withdrawal", ConsentScenario.Release(consentId, TimeProvider.System.GetUtcNow()), cancellationToken);
        output.WriteLine();
        return before.Count > 0 && after.Count > 0 && recalls.Sum(r => r.Deliveries.Count) >= expected;
    }

    private async Task<List<LedgerEntry>> DecideAsync(string title, Hub.Contracts.Custody.V1.ReleaseScheduled @event, CancellationToken cancellationToken)
    {
        await SubmitAsync(@event, cancellationToken);
        var eventId = @event.Envelope.EventId;
        var entries = await UntilAsync(async () => await EntriesAsync(eventId, cancellationToken), e => e.Count >= AgencyCode.WellKnown.Count - 1);
        await UntilAsync(() => Task.FromResult(_sink.Received.Count(d => d.EventId == eventId)), n => n >= entries.Count(e => e.Outcome == LedgerOutcome.Allowed));
        output.WriteLine($"  {title}: event {eventId}");
        foreach (var entry in entries.OrderBy(e => LedgerOutcomes.ToText(e.Outcome), StringComparer.Ordinal).ThenBy(e => e.Recipient, StringComparer.Ordinal))
        {
            output.WriteLine(entry.Outcome == LedgerOutcome.Allowed
                ? $"    + {entry.Recipient,-9} shared on {LedgerFootings.ToText(entry.Footing)} under {entry.AgreementId}@{entry.AgreementVersion} flow {entry.FlowId}; received: {string.Join(", ", entry.ReleasedFields)}"
                : $"    - {entry.Recipient,-9} denied: {string.Join("; ", entry.Reasons)}");
        }

        return entries;
    }

    private async Task<List<LedgerEntry>> EntriesAsync(Guid eventId, CancellationToken cancellationToken)
    {
        var found = new List<LedgerEntry>();
        long after = 0;
        while (true)
        {
            var page = await _ledger.ReadAsync(after, 1000, cancellationToken);
            found.AddRange(page.Where(e => e.EventId == eventId));
            if (page.Count == 0)
            {
                return found;
            }

            after = page[^1].Sequence;
        }
    }

    private async Task SubmitAsync(IShareableEvent @event, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IngressPublisher>().SubmitAsync(AgencyCode.Probation, @event, cancellationToken);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var value = await read();
        while (!done(value) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
            value = await read();
        }

        return value;
    }
}
