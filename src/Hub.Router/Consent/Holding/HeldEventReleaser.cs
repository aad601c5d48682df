using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Topology;
using Hub.Router.Configuration;
using Hub.Router.Metrics;
using Hub.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.Router.Consent.Holding;

/// <summary>
/// Sends held events back to their source's ingress queue (through the router's re-ingress exchange) to be decided (docs/adr/0018): at once when this router registers
/// a consent or a retraction (<see cref="HoldSignal"/>), otherwise at each <see cref="RouterOptions.ConsentHoldPollInterval"/>,
/// which also picks up consents and retractions registered by another router and windows that have ended. An event
/// released on its consent, or because its source retracted it, is forgotten once sent (ingress will find the consent,
/// or the retraction, and deny it); one whose window ended is forgotten by ingress after it is decided, so a crash
/// anywhere sends it again at worst, and the ledger's (source, event id) register keeps the first decision.
/// </summary>
public sealed class HeldEventReleaser(
    IHeldEventStore store,
    IBus bus,
    HubAddresses addresses,
    HoldSignal signal,
    IOptions<RouterOptions> options,
    TimeProvider time,
    RouterMetrics metrics,
    ILogger<HeldEventReleaser> logger) : BackgroundService
{
    /// <summary>How long an event sent back for its ended window is left to ingress before it is sent again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(1);

    private const int Batch = 100;
    private readonly Dictionary<(string, Guid), DateTimeOffset> _sentForWindowEnd = [];
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>One pass: sends every due held event back to its ingress; returns how many were sent.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            return await ReleasePassAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    private async Task<int> ReleasePassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _sentForWindowEnd.Where(s => now - s.Value >= ResendAfter).Select(s => s.Key).ToList())
        {
            _sentForWindowEnd.Remove(stale);
        }

        var sent = 0;
        foreach (var (held, consentRecorded, retracted) in await store.DueAsync(now, Batch, cancellationToken))
        {
            var key = (held.Source, held.EventId);
            var settled = consentRecorded || retracted;
            if (!settled && _sentForWindowEnd.ContainsKey(key))
            {
                continue;
            }

            await SendAgainAsync(held, cancellationToken);
            sent++;
            var reason = retracted ? "retracted" : consentRecorded ? "consent-recorded" : "window-ended";
            if (settled)
            {
                await store.ForgetAsync(held.Source, held.EventId, cancellationToken);
            }
            else
            {
                _sentForWindowEnd[key] = now;
            }

            metrics.ConsentHoldReleased(held.Source, reason);
            HoldLog.Released(logger, held.EventId, held.Source, reason);
        }

        metrics.ConsentHoldsOutstanding(await store.CountAsync(cancellationToken));
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Ticks on a fixed cadence from start-up (not from the end of the last pass), so a pass that runs long, or one a
        // signal started, never pushes the next poll back. Waits first, so the bus has started before anything is sent;
        // a restart releases what is due at the first tick.
        using var poll = new PeriodicTimer(options.Value.ConsentHoldPollInterval, time);
        Task<bool>? tick = null;
        Task? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            tick ??= poll.WaitForNextTickAsync(stoppingToken).AsTask();
            wake ??= signal.WaitAsync(stoppingToken);
            var woken = await Task.WhenAny(tick, wake);
            await woken;
            if (woken == tick)
            {
                tick = null;
            }
            else
            {
                wake = null;
            }

            try
            {
                await ReleaseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HoldLog.ReleaseFailed(logger, ex.GetType().Name);
            }
        }
    }

    private async Task SendAgainAsync(HeldEvent held, CancellationToken cancellationToken)
    {
        if (!EventCatalogue.TryGet(held.EventType, out var info))
        {
            throw new InvalidOperationException($"held event {held.EventId} has event type {held.EventType}, which is not in the catalogue");
        }

        var message = JsonSerializer.Deserialize(held.Body, info.ClrType, SystemTextJsonMessageSerializer.Options)!;
        var endpoint = await bus.GetSendEndpoint(addresses.Reingress(new AgencyCode(held.Source)));
        await endpoint.Send(message, info.ClrType, send =>
        {
            if (Guid.TryParse(held.MessageId, out var messageId))
            {
                send.MessageId = messageId;
            }

            // Routed nowhere, the send fails and the event stays held, to be sent at the next pass.
            send.MustRoute();
        }, cancellationToken);
    }
}
