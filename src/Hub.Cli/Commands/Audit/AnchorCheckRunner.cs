using System.Globalization;
using System.Security.Cryptography;
using Hub.Router.Ledger.Anchors;
using Hub.Router.Ledger.Chain;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// The <c>--anchors</c> part of <c>hub audit verify</c>: reads the anchor file and the public keys, compares, and
/// words the result. Returns a null exit code when the anchors agree with the ledger, else the exit code; and the
/// report, when the anchors could be read.
/// </summary>
internal static class AnchorCheckRunner
{
    public static async Task<(int? ExitCode, AnchorReport? Report)> RunAsync(FileInfo anchorsFile, IReadOnlyList<FileInfo> keyFiles, ILedgerChainStore chain, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (keyFiles.Count == 0)
        {
            await error.WriteLineAsync("--anchors needs at least one --anchor-key: the PEM public key(s) of the router(s) that signed them.");
            return (2, null);
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
                return (1, new AnchorReport("unreadable", 0, null, null, problem));
            }

            var result = await LedgerAnchorCheck.CheckAsync(anchors, keys, chain, cancellationToken);
            if (!result.IsConsistent)
            {
                await output.WriteLineAsync(Invariant($"Anchors DIVERGE at seal {result.DivergentSeal}: {result.Detail}. {result.AnchorsChecked} anchor(s) before it agree."));
                return (1, new AnchorReport("diverge", result.AnchorsChecked, null, result.DivergentSeal, result.Detail));
            }

            await output.WriteLineAsync(Invariant($"Anchors OK: {result.AnchorsChecked} signed anchor(s) agree with the ledger's seals; {result.SealsAfterLastAnchor} seal(s) newer than the last anchor."));
            return (null, new AnchorReport("ok", result.AnchorsChecked, result.SealsAfterLastAnchor, null, null));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            await error.WriteLineAsync($"Cannot read the anchors or their keys ({ex.GetType().Name}): {ex.Message}");
            return (2, null);
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
