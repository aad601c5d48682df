using System.Diagnostics;

namespace Hub.Reports.Rendering;

/// <summary>
/// Prints an HTML file to PDF with headless Chromium (<c>--print-to-pdf</c>), the engine the report's print styles are
/// written for. Chromium is found at <c>AGENCYHUB_CHROMIUM</c>, else the usual Debian and Chrome paths; it runs with a
/// throwaway profile, no background networking, and without its sandbox only when running as root (Chromium refuses
/// otherwise). The page is the hub's own, with no scripts and no external resources.
/// </summary>
public static class PdfPrinter
{
    public const string ChromiumVariable = "AGENCYHUB_CHROMIUM";

    private static readonly string[] KnownPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The Chromium to print with, or null when none is installed.</summary>
    public static string? FindChromium() =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } given ? (File.Exists(given) ? given : null) : KnownPaths.FirstOrDefault(File.Exists);

    /// <summary>Writes <paramref name="pdfPath"/>; throws <see cref="PdfPrintException"/> with a one-line reason when Chromium fails.</summary>
    public static async Task PrintAsync(string chromium, string html, string pdfPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        var work = Directory.CreateTempSubdirectory("agencyhub-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var output = Path.Combine(work.FullName, "report.pdf");
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in Arguments(work.FullName, page, output))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfPrintException($"could not start {chromium}");
            var drainOut = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var drainErr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new PdfPrintException("Chromium did not finish printing within 2 minutes");
            }

            await Task.WhenAll(drainOut, drainErr);
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new PdfPrintException($"Chromium exited with {process.ExitCode} without writing the PDF");
            }

            File.Move(output, pdfPath, overwrite: true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<string> Arguments(string profile, string page, string output)
    {
        List<string> arguments =
        [
            "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-quic", $"--user-data-dir={Path.Combine(profile, "profile")}",
            "--no-pdf-header-footer", $"--print-to-pdf={output}",
        ];
        if (Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        arguments.Add(new Uri(page).AbsoluteUri);
        return arguments;
    }
}
