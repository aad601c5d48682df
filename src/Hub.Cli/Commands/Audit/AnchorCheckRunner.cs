using System.Globalization;
using System.Security.Cryptography;
using Hub.Router.Ledger.Anchors;
using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// The <c>--anchors</c> part of <c>hub audit verify</c>: reads the anchor file and the public keys, compares, and
/// words the result. Returns null when the anchors agree with the ledger, else the exit code.
/// </summary>
internal static class AnchorCheckRunner
{
    public static async Task<int?> RunAsync(FileInfo anchorsFile, IReadOnlyList<FileInfo> keyFiles, ILedgerChainStore chain, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (keyFiles.Count == 0)
        {
            await error.WriteLineAsync("--anchors needs at least one --anchor-key: the PEM public key(s) of the router(s) that signed them.");
            return 2;
        }

        var keys = new List<ECDsa>();
        try
        {
            foreach (var file in keyFiles)
            {
                var key = ECDsa.Create();
                key.ImportFromPem(await File.ReadAllTextAsync(file.FullName, cancellationToken));
                keys.Add(key);
            }

            var (anchors, problem) = await LedgerAnchorFile.ReadAsync(anchorsFile.FullName, cancellationToken);
            if (problem is not null)
            {
                await output.WriteLineAsync($"Anchors UNREADABLE: {problem}.");
                return 1;
            }

            var result = await LedgerAnchorCheck.CheckAsync(anchors, keys, chain, cancellationToken);
            if (!result.IsConsistent)
            {
                await output.WriteLineAsync(Invariant($"Anchors DIVERGE at seal {result.DivergentSeal}: {result.Detail}. {result.AnchorsChecked} anchor(s) before it agree."));
                return 1;
            }

            await output.WriteLineAsync(Invariant($"Anchors OK: {result.AnchorsChecked} signed anchor(s) agree with the ledger's seals; {result.SealsAfterLastAnchor} seal(s) newer than the last anchor."));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            await error.WriteLineAsync($"Cannot read the anchors or their keys ({ex.GetType().Name}): {ex.Message}");
            return 2;
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
