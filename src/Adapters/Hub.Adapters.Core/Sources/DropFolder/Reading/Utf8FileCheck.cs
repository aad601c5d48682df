using System.Security.Cryptography;
using System.Text;

namespace Hub.Adapters.Core.Sources.DropFolder.Reading;

/// <summary>
/// One pass over a file's bytes, in fixed-size chunks: the SHA-256 that its rows' event ids derive from (docs/adr/0009),
/// and whether it is UTF-8 text. It reads at most <c>maxBytes</c>: a file that grew past them since its length was
/// checked is refused, not read to its end.
/// </summary>
public static class Utf8FileCheck
{
    /// <summary>
    /// The lower-case hex SHA-256 of the file, and a problem (with the byte offset) when it is not UTF-8 or is longer
    /// than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<(string Sha256, string? Problem)> RunAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length + 4];
        string? problem = null;
        long offset = 0;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (offset + read > maxBytes)
            {
                return (Convert.ToHexStringLower(hash.GetHashAndReset()), DropFileSurvey.TooLarge);
            }

            hash.AppendData(buffer, 0, read);
            problem ??= Decode(decoder, buffer.AsSpan(0, read), chars, flush: false, offset);
            offset += read;
        }

        problem ??= Decode(decoder, [], chars, flush: true, offset);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), problem);
    }

    private static string? Decode(Decoder decoder, ReadOnlySpan<byte> bytes, char[] chars, bool flush, long offset)
    {
        try
        {
            decoder.GetChars(bytes, chars, flush);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            return $"the file is not UTF-8 text (near byte {offset + Math.Max(0, ex.Index)})";
        }
    }
}
