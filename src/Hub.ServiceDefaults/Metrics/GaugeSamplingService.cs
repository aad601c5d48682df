using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Metrics;

/// <summary>
/// Runs every <see cref="IGaugeSampler"/> at start and then every <see cref="MetricsOptions.SampleInterval"/>. A failing
/// sampler is counted (<c>agencyhub.metrics.sampling.errors</c>, by sampler name) and logged, never thrown: metrics must
/// not stop a router or an adapter.
/// </summary>
public sealed class GaugeSamplingService : BackgroundService
{
    public const string MeterName = "AgencyHub.Metrics";

    private readonly IReadOnlyList<IGaugeSampler> _samplers;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<GaugeSamplingService> _logger;
    private readonly Counter<long> _errors;

    public GaugeSamplingService(IEnumerable<IGaugeSampler> samplers, IOptions<MetricsOptions> options, TimeProvider time, IMeterFactory meters, ILogger<GaugeSamplingService> logger)
    {
        ArgumentNullException.ThrowIfNull(samplers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _samplers = [.. samplers];
        _interval = options.Value.SampleInterval;
        _time = time;
        _logger = logger;
        _errors = meters.Create(MeterName).CreateCounter<long>("agencyhub.metrics.sampling.errors", "{error}", "Failed samples of gauges read from outside the process, by sampler");
    }

    /// <summary>One round of every sampler; what the timer runs, public so tests can drive it without waiting.</summary>
    public async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var sampler in _samplers)
        {
            try
            {
                await sampler.SampleAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _errors.Add(1, new KeyValuePair<string, object?>(HubMetricTags.Sampler, sampler.Name));
                MetricsLog.SampleFailed(_logger, sampler.Name, ex.GetType().Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_samplers.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                await SampleOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
