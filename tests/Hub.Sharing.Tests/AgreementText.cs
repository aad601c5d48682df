namespace Hub.Sharing.Tests;

/// <summary>Small agreement files for tests, varied by a few knobs.</summary>
internal static class AgreementText
{
    public static string Permit(
        string id = "DSA-T1",
        string recipient = "police",
        string fields = "[subject.pncId, releaseDate]",
        string status = "active",
        string effective = "2026-01-01",
        string expires = "2028-01-01",
        string eventType = "custody.release.scheduled",
        string flowId = "F1") => $"""
        id: {id}
        title: Test agreement
        version: 1
        status: {status}
        effective: {effective}
        expires: {expires}
        flows:
          - id: {flowId}
            source: probation
            eventTypes: [{eventType}]
            recipients: [{recipient}]
            purpose: offender-management
            lawfulBasis:
              article6: public-task
              criminalOffence: sch1-part2-para6
            fields: {fields}
        """;

    public static string Forbid(string id = "DSA-F1", string recipient = "police") => $"""
        id: {id}
        title: Forbid
        version: 3
        status: active
        effective: 2026-01-01
        flows:
          - id: NO
            effect: forbid
            source: probation
            eventTypes: [custody.release.scheduled]
            recipients: [{recipient}]
            purpose: law-enforcement
        """;
}
