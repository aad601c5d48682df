using System.Diagnostics;
using Hub.Contracts.Topology;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// An agency's adapter worker (<c>Hub.Adapters.&lt;Agency&gt;.dll</c>, its own Program.cs) as a separate OS process,
/// configured only by environment variables. It can be killed with SIGKILL, as a crash would, and started again with
/// the same settings, so its checkpoints, sink and deduplication store are the ones it left behind.
/// </summary>
public sealed class AdapterProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    private readonly BrokerEndpoint _broker;
    private readonly BrokerClient _admin;
    private Process? _process;

    private AdapterProcess(BrokerEndpoint broker, BrokerClient admin, AdapterSettings settings)
    {
        _broker = broker;
        _admin = admin;
        Settings = settings;
    }

    public AdapterSettings Settings { get; }

    /// <summary>Everything every run of this worker printed (the last lines), for failure messages.</summary>
    public ProcessOutput Output { get; } = new();

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the worker and returns once it consumes its delivery queue.</summary>
    public static async Task<AdapterProcess> StartAsync(BrokerEndpoint broker, AdapterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(settings);
        var adapter = new AdapterProcess(broker, await BrokerClient.ConnectAsync(broker, "hub-admin"), settings);
        await adapter.RestartAsync();
        return adapter;
    }

    /// <summary>Starts the worker again (it must not be running) and waits until it consumes its delivery queue.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"The {Settings.Agency} worker is already running.");
        }

        _process?.Dispose();
        var agency = Settings.Agency.Value;
        var project = "Hub.Adapters." + char.ToUpperInvariant(agency[0]) + agency[1..];
        var worker = WorkerBuildOutput.Find(Path.Combine("src", "Adapters", project), project + ".dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(worker)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(worker);
        foreach (var (name, value) in Settings.Environment(_broker))
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        Output.Attach(_process, agency);
        await WaitForConsumersAsync(n => n > 0 || !IsRunning, "to consume its delivery queue");
        if (!IsRunning)
        {
            throw new InvalidOperationException($"The {agency} worker exited with {_process.ExitCode} while starting:\n{Output.Tail()}");
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no acknowledgements; returns once the broker has dropped its consumer.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await WaitForConsumersAsync(n => n == 0, "'s consumer to be gone after the kill");
    }

    /// <summary>SIGTERM: the worker stops in order; returns once it has exited and all it printed is in <see cref="Output"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await GracefulStop.StopAsync(_process, TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>The worker's output, to append to an assertion that failed.</summary>
    public string Describe() => $"{Settings.Agency} worker ({(IsRunning ? "running" : "not running")}), last output:\n{Output.Tail()}";

    private async Task WaitForConsumersAsync(Func<uint, bool> done, string what)
    {
        var queue = HubTopology.DeliveryQueue(Settings.Agency);
        try
        {
            await Eventually.UntilAsync(async () => (await _admin.QueueStateAsync(queue)).Consumers, done, $"the {Settings.Agency} worker {what}", StartPatience);
        }
        catch (ShouldAssertException ex)
        {
            throw new ShouldAssertException($"{ex.Message}\n{Describe()}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            _process!.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await _admin.DisposeAsync();
    }
}
