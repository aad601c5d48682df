using Hub.Reports.Rendering;
using Hub.Reports.Subject;
using System.CommandLine;
using System.Text.Json;
using Hub.Contracts.Subjects;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Microsoft.Extensions.Options;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// <c>hub audit subject --nhs-number X | --pnc-id X | --nino X</c> (each also as <c>--…-file FILE</c> or an
/// <c>AGENCYHUB_SUBJECT_…</c> variable, to keep the identifier off the command line): every disclosure and denial about one person,
/// with consents and recalls, as JSON or as a self-contained HTML document (AS-20, subject access). Refuses (exit 3)
/// a subject key the ledger was not written under rather than report nothing (<see cref="SubjectKeyCheck"/>).
/// </summary>
internal static class SubjectCommand
{
    public static Command Create()
    {
        var nhs = new SensitiveOption("nhs-number", "The person's NHS number", "AGENCYHUB_SUBJECT_NHS_NUMBER");
        var pnc = new SensitiveOption("pnc-id", "The person's PNC id", "AGENCYHUB_SUBJECT_PNC_ID");
        var nino = new SensitiveOption("nino", "The person's National Insurance number", "AGENCYHUB_SUBJECT_NINO");
        SensitiveOption[] identifiers = [nhs, pnc, nino];
        var format = new Option<string>("--format") { Description = "json, html (a page to print or attach) or pdf (printed with headless Chromium)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "html", "pdf");
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file (needed for html and pdf)" };
        var keyFile = new Option<FileInfo[]>("--subject-key-file")
        {
            Description = $"File holding the ledger's subject key; once per key after a rotation (default: ${SubjectKeys.Variable}, or subject.key beside a SQLite ledger)",
            DefaultValueFactory = _ => [],
        };
        var postgres = AuditConnection.PostgresOption();
        var sqlite = AuditConnection.SqliteOption();
        var command = new Command("subject", "Report every disclosure and denial about one person, with consents and recalls") { format, output, keyFile, sqlite };
        foreach (var identifier in identifiers)
        {
            identifier.AddTo(command);
        }

        postgres.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            // The environment is read only when no identifier is on the command line, so a variable left set in the shell
            // never widens a report about someone else.
            var fromEnvironment = !identifiers.Any(i => i.IsGiven(result));
            var values = new string?[identifiers.Length];
            for (var i = 0; i < identifiers.Length; i++)
            {
                values[i] = identifiers[i].Resolve(result, out var error, fromEnvironment);
                if (error is not null)
                {
                    await Console.Error.WriteLineAsync(error);
                    return 2;
                }

                if (fromEnvironment && values[i] is not null)
                {
                    await Console.Error.WriteLineAsync($"Reading {identifiers[i].Inline.Name} from ${identifiers[i].Variable}.");
                }
            }

            var subject = new SubjectIdentifiers
            {
                NhsNumber = values[0]?.Replace(" ", string.Empty, StringComparison.Ordinal),
                PncId = values[1],
                Nino = values[2]?.Replace(" ", string.Empty, StringComparison.Ordinal),
            };
            var problems = subject.Validate();
            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync("Give at least one well-formed identifier (--nhs-number, --pnc-id, --nino, each also as --…-file FILE or $AGENCYHUB_SUBJECT_…): " + string.Join("; ", problems));
                return 2;
            }

            var kind = result.GetValue(format)!;
            if (kind != "json" && result.GetValue(output) is null)
            {
                await Console.Error.WriteLineAsync($"--format {kind} needs --out FILE.");
                return 2;
            }

            var chromium = kind == "pdf" ? PdfPrinter.FindChromium() : null;
            if (kind == "pdf" && chromium is null)
            {
                await Console.Error.WriteLineAsync($"--format pdf needs Chromium: install the package chromium (Debian: apt-get install chromium), or set ${PdfPrinter.ChromiumVariable} to its path.");
                return 2;
            }

            await using var connection = AuditConnection.Open(result, postgres, result.GetValue(sqlite)!);
            var keys = connection is null ? null : SubjectKeys.Resolve(result.GetValue(keyFile) ?? [], connection.SqlitePath);
            if (connection is null || keys is null)
            {
                return 2;
            }

            var pseudonymisers = keys.Select(key => new SubjectPseudonymiser(Options.Create(new LedgerOptions { SubjectKey = key }))).ToList();
            var check = SubjectKeyCheck.Of([.. pseudonymisers.Select(p => p.KeyId).Distinct(StringComparer.Ordinal)], await connection.Reader.SubjectKeyIdsAsync(cancellationToken));
            if (check.Refusal is not null)
            {
                await Console.Error.WriteLineAsync(check.Refusal);
                return 3;
            }

            if (check.Note is not null)
            {
                await Console.Error.WriteLineAsync(check.Note);
            }

            await connection.PrepareRecallsAsync(cancellationToken);
            var pseudonyms = pseudonymisers.SelectMany(p => p.Pseudonymise(subject, new Hub.Contracts.Agencies.AgencyCode("cli"))).Distinct(StringComparer.Ordinal).ToList();
            string[] searched = [.. new[] { (subject.NhsNumber, "NHS number"), (subject.PncId, "PNC id"), (subject.Nino, "National Insurance number") }.Where(s => s.Item1 is not null).Select(s => s.Item2)];
            var report = await SubjectReportBuilder.BuildAsync(connection, pseudonyms, searched, TimeProvider.System.GetUtcNow(), cancellationToken) with
            {
                SubjectKeyIdsSearched = check.Searched,
                SubjectKeyIdsNotSearched = check.NotSearched,
                Issuer = ReportIssuer.FromEnvironment(),
            };
            if (kind != "json" && report.Issuer is null)
            {
                await Console.Error.WriteLineAsync($"The report is marked as a draft: set ${ReportIssuer.ControllerVariable} and ${ReportIssuer.DpoVariable} to name the controller and its data protection officer.");
            }

            // Both kinds a person reads (html, and pdf printed from it) are the same rendered page.
            var document = kind == "json" ? JsonSerializer.Serialize(report, AuditJson.Options) : await ReportRenderer.SubjectReportHtmlAsync(report);
            if (result.GetValue(output) is not { } file)
            {
                Console.WriteLine(document);
                return 0;
            }

            if (kind != "pdf")
            {
                await File.WriteAllTextAsync(file.FullName, document, cancellationToken);
            }
            else
            {
                try
                {
                    await PdfPrinter.PrintAsync(chromium!, document, file.FullName, cancellationToken);
                }
                catch (PdfPrintException ex)
                {
                    await Console.Error.WriteLineAsync($"The PDF could not be printed: {ex.Message}. The same report is available with --format html.");
                    return 2;
                }
            }

            await Console.Error.WriteLineAsync($"Wrote {report.Disclosures} disclosure(s) and {report.Denials} denial(s) to {file.FullName}");
            return 0;
        });
        return command;
    }
}
