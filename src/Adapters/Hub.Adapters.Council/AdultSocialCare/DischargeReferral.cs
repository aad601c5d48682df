namespace Hub.Adapters.Council.AdultSocialCare;

/// <summary>A hospital discharge referral as the adult social care case system takes it in (its "contact" record).</summary>
public sealed record DischargeReferral
{
    public required Guid ContactId { get; init; }

    public required string NhsNumber { get; init; }

    public string? HospitalRef { get; init; }

    public required string DischargingOrganisation { get; init; }

    public required DateTimeOffset ExpectedDischargeAt { get; init; }

    public string? GpPractice { get; init; }

    public string? DischargeAddress { get; init; }

    public bool? MentalHealthNeeds { get; init; }

    public bool? CarePackageRequired { get; init; }

    /// <summary>The agreement and flow the referral was shared under, for the case file.</summary>
    public required string SharedUnder { get; init; }

    public required int RetentionDays { get; init; }
}
