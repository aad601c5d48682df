namespace Hub.Router.Tests.Support;

/// <summary>
/// A temporary agreement folder shared by one test class: probation may share release notices with police
/// (offender management) and with jcp (benefit continuity), each with its own fields; nhs may never share
/// discharges with police. Nobody else has an agreement.
/// </summary>
public sealed class AgreementsFolder : IDisposable
{
    public const string AgreementId = "DSA-T01";
    public const int AgreementVersion = 3;
    public const string PoliceFlow = "F1-police-iom";
    public const string PolicePurpose = "offender-management";
    public const string PoliceLawfulBasis = "Art. 6(1)(e) public task; criminal offence data under sch1-part2-para6";
    public const string JcpFlow = "F2-jcp-benefits";
    public const string JcpPurpose = "benefit-continuity";
    public const string ForbidAgreementId = "DSA-T15";
    public const string ForbidFlow = "F9-no-health-to-police";

    public static readonly string[] PoliceFields = ["addressOnRelease", "establishment", "releaseDate", "subject.pncId"];
    public static readonly string[] JcpFields = ["releaseDate", "subject.nino"];

    public AgreementsFolder()
    {
        Path = Directory.CreateTempSubdirectory("agencyhub-agreements-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Path, "dsa-t01-release.yaml"), $"""
            id: {AgreementId}
            title: Test release notification
            version: {AgreementVersion}
            status: active
            effective: 2026-01-01
            expires: 2028-01-01
            flows:
              - id: {PoliceFlow}
                source: probation
                eventTypes: [custody.release.scheduled]
                recipients: [police]
                purpose: {PolicePurpose}
                lawfulBasis:
                  article6: public-task
                  criminalOffence: sch1-part2-para6
                fields: [{string.Join(", ", PoliceFields)}]
                obligations:
                  retentionDays: 730
                  onwardSharingForbidden: true
              - id: {JcpFlow}
                source: probation
                eventTypes: [custody.release.scheduled]
                recipients: [jcp]
                purpose: {JcpPurpose}
                lawfulBasis:
                  article6: public-task
                  criminalOffence: sch1-part2-para6
                fields: [{string.Join(", ", JcpFields)}]
                obligations:
                  retentionDays: 365
            """);
        File.WriteAllText(System.IO.Path.Combine(Path, "dsa-t15-discharge.yaml"), $"""
            id: {ForbidAgreementId}
            title: Test discharge protocol
            version: 1
            status: active
            effective: 2026-01-01
            expires: 2028-01-01
            flows:
              - id: {ForbidFlow}
                effect: forbid
                source: nhs
                eventTypes: [health.discharge.planned]
                recipients: [police]
                purpose: law-enforcement
            """);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
