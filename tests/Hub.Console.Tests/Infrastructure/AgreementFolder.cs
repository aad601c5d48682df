namespace Hub.WebConsole.Tests.Infrastructure;

/// <summary>
/// A throwaway agreements folder: the sample agreements, plus files made for the register's badges and refusals
/// (judged as of <see cref="ConsoleFactory.Today"/>).
/// </summary>
public sealed class AgreementFolder : IDisposable
{
    public AgreementFolder()
    {
        Path = Directory.CreateTempSubdirectory("agencyhub-console-agreements.").FullName;
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("samples", "agreements"), "*.yaml"))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }

        // Expires 30 days after ConsoleFactory.Today: expiring soon. Review passed a week before it: overdue.
        Write("tst-901-expiring.yaml", Agreement("TST-901", "Expiring test agreement", review: "2026-12-20", expires: "2027-01-07"));
        Write("tst-902-review.yaml", Agreement("TST-902", "Review-overdue test agreement", review: "2026-12-01", expires: "2028-01-01"));
        Write("tst-903-broken.yaml", "id: TST-903\ntitle: Broken test agreement\nversion: one\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(System.IO.Path.Combine(Path, name), text);

    private static string Agreement(string id, string title, string review, string expires) => $"""
        id: {id}
        title: {title}
        version: 1
        status: active
        owner: probation
        parties: [probation, police]
        effective: 2026-01-01
        review: {review}
        expires: {expires}
        signOff:
          - role: senior-information-risk-owner
            reference: SIRO-TST-1
            date: 2025-12-01
        flows:
          - id: F1-test
            source: probation
            eventTypes: [case.lead-professional.changed]
            recipients: [police]
            purpose: offender-management
            lawfulBasis:
              article6: public-task
              criminalOffence: sch1-part2-para6
            fields: [newLeadAgency, effectiveFrom]
            obligations:
              retentionDays: 30
              onwardSharingForbidden: true
        """;
}
