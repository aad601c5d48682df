using Hub.Simulation.Timeline;

namespace Hub.Simulation.Formats;

/// <summary>
/// The probation consents list (<c>consents-*.csv</c>): GIVEN rows carry purposes, recipients or the agreement,
/// given_at and evidence; WITHDRAWN rows carry withdrawn_at. Lists inside a cell are <c>;</c>-separated.
/// </summary>
public static class ConsentListFormat
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "consent_id", "action", "recorded_at", "pnc_id", "noms_id", "nino", "nhs_number", "purposes", "recipients", "agreement_id",
        "given_at", "expires_at", "withdrawn_at", "evidence_ref",
    ];

    public static IReadOnlyList<string> Row(ConsentEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            entry.ConsentId,
            entry.Withdrawal ? "WITHDRAWN" : "GIVEN",
            Instants.Text(entry.RecordedAt),
            entry.Person.PncId,
            entry.Person.NomsId,
            entry.Person.Nino,
            entry.Person.NhsNumber,
            string.Join(';', entry.Purposes),
            string.Join(';', entry.Recipients),
            entry.AgreementId ?? string.Empty,
            Instants.Text(entry.GivenAt),
            Instants.Text(entry.ExpiresAt),
            Instants.Text(entry.WithdrawnAt),
            entry.EvidenceRef ?? string.Empty,
        ];
    }
}
