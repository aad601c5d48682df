using System.Net;
using System.Net.Sockets;

namespace Hub.LoadHarness.Processes;

/// <summary>A loopback TCP port nobody listens on now, for a process's listener (its health and /metrics, HTTP ingest).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
