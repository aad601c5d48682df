namespace Hub.Adapters.Council.WaysIntoWork;

/// <summary>
/// One row of the Ways into Work case system's programme-exit export (CSV): a participant referred by JCP under the
/// Work Programme leaves the programme, and JCP is told so the person returns to it (AS-11, DSA-011 F3).
/// </summary>
public sealed class ProgrammeExitRecord
{
    public string? ExitId { get; set; }

    public string? ParticipantId { get; set; }

    public string? Nino { get; set; }

    /// <summary>JCP's referral id, as the referral arrived (<c>referralId</c>).</summary>
    public string? JcpReferralId { get; set; }

    public string? ExitDate { get; set; }

    /// <summary><c>JOB_START</c>, <c>TIME_LIMIT</c>, <c>DISENGAGED</c> or <c>OTHER</c>.</summary>
    public string? ExitReason { get; set; }

    /// <summary>The participant's registration consent, the footing Ways into Work shares on.</summary>
    public string? ConsentRef { get; set; }

    public string? RecordedAt { get; set; }

    /// <summary>The key worker's notes; kept at the council, never shared.</summary>
    public string? ExitNotes { get; set; }
}
