using System.Net.Sockets;
using System.Text;
using Hub.Adapters.Core.Sources.Http;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>
/// A client that streams a chunked request body (no <c>Content-Length</c>) over a raw socket while listening for the
/// response, and stops sending the moment the server answers: how much it had sent by then shows how much the server
/// let in before refusing.
/// </summary>
internal static class ChunkedUpload
{
    private const int ChunkBytes = 64 * 1024;

    /// <returns>The response's status code, and how many body bytes had been sent when it came.</returns>
    public static async Task<(int Status, long Sent)> PostAsync(Uri server, string path, long offeredBytes)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Host, server.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\n{HttpIngestAuthenticator.ApiKeyHeader}: {IngestTestServer.Key}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var response = new byte[4096];
        var reading = stream.ReadAsync(response).AsTask();
        using var answered = new CancellationTokenSource();
        _ = reading.ContinueWith(_ => answered.Cancel(), TaskScheduler.Default);

        var chunk = Encoding.ASCII.GetBytes($"{ChunkBytes:X}\r\n{new string(' ', ChunkBytes)}\r\n");
        long sent = 0;
        try
        {
            while (sent < offeredBytes && !answered.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, answered.Token);
                sent += ChunkBytes;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            // The server answered, or closed the connection on the rest of the body: either way, stop sending.
        }

        var read = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = Encoding.ASCII.GetString(response, 0, read).Split("\r\n")[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), sent);
    }
}
