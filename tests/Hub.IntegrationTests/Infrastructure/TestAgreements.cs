namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// The agreement these tests route under, written to a temp folder: probation's release notices go to police
/// (PNC id, date, establishment) and JCP (NINo, date) only. NHS and council have no flow, so are denied.
/// </summary>
public static class TestAgreements
{
    public const string ReleaseNotices = """
        id: DSA-IT-1
        title: Integration test release notices
        version: 4
        status: active
        effective: 2026-01-01
        expires: 2099-01-01
        flows:
          - id: F-police
            source: probation
            eventTypes: [custody.release.scheduled]
            recipients: [police]
            purpose: offender-management
            lawfulBasis:
              article6: public-task
              criminalOffence: sch1-part2-para6
            fields: [subject.pncId, releaseDate, establishment]
          - id: F-jcp
            source: probation
            eventTypes: [custody.release.scheduled]
            recipients: [jcp]
            purpose: benefit-continuity
            lawfulBasis:
              article6: public-task
              criminalOffence: sch1-part2-para6
            fields: [subject.nino, releaseDate]
        """;

    public static string WriteFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agencyhub-it-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "dsa-it-1.yaml"), ReleaseNotices);
        return folder;
    }
}
