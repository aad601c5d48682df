using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Hub.Router.Tests.Metrics;

/// <summary>
/// Every measurement of the instruments one service provider's <see cref="IMeterFactory"/> created (so parallel tests'
/// hosts never mix in), with its tags; observable instruments are read on <see cref="Observe"/>.
/// </summary>
public sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<CapturedMeasurement> _measurements = new();
    private readonly ConcurrentDictionary<Instrument, byte> _instruments = new();

    public MetricCapture(IMeterFactory scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                _instruments[instrument] = 0;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        _listener.Start();
    }

    public IReadOnlyList<CapturedMeasurement> Measurements => [.. _measurements];

    public IReadOnlyCollection<Instrument> Instruments => [.. _instruments.Keys];

    public IReadOnlyList<CapturedMeasurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Reads every observable gauge now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new CapturedMeasurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)));
}
