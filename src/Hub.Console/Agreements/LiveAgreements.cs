using Hub.Sharing.Agreements;
using Microsoft.Extensions.Options;

namespace Hub.WebConsole.Agreements;

/// <summary>
/// The agreement set as the router loads it: the same folder read by the same loader (<see cref="AgreementLoader.Lint"/>),
/// so an agreement file with errors is shown refused while the others load (docs/adr/0017). Read at each request: the
/// folder is small, and a page never shows a set older than the files.
/// </summary>
public sealed class LiveAgreements(IOptions<AgreementOptions> options, TimeProvider time)
{
    public int ExpiringSoonDays => options.Value.ExpiringSoonDays;

    public AgreementsSnapshot Read()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        try
        {
            return new AgreementsSnapshot(AgreementLoader.Lint(AgreementLoader.ReadDirectory(options.Value.Path), today), today);
        }
        catch (AgreementValidationException ex)
        {
            return new AgreementsSnapshot(new LintResult(null, ex.Errors), today);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new AgreementsSnapshot(new LintResult(null, [new AgreementDiagnostic(options.Value.Path, 0, 0, $"the agreements folder cannot be read ({ex.GetType().Name})")]), today);
        }
    }
}
