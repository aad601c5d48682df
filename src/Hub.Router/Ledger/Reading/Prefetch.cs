using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Hub.Router.Ledger.Reading;

/// <summary>
/// Reads a stream ahead on another thread, in blocks, a bounded number of blocks ahead: the reading (socket, decoding)
/// runs beside the caller's work (hashing) on a second core, and memory stays bounded.
/// </summary>
public static class Prefetch
{
    public static async IAsyncEnumerable<T> AheadAsync<T>(IAsyncEnumerable<T> source, int blockSize, int blocksAhead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(blocksAhead) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    var block = new List<T>(blockSize);
                    await foreach (var item in source.WithCancellation(stop.Token))
                    {
                        block.Add(item);
                        if (block.Count == blockSize)
                        {
                            await channel.Writer.WriteAsync(block, stop.Token);
                            block = new List<T>(blockSize);
                        }
                    }

                    if (block.Count > 0)
                    {
                        await channel.Writer.WriteAsync(block, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            },
            CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var block))
                {
                    foreach (var item in block)
                    {
                        yield return item;
                    }
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // Stopped early because the caller stopped reading.
            }
        }
    }
}
