using Hub.Simulation.Population;

namespace Hub.Simulation.Timeline;

/// <summary>One release-list row, NEW or AMENDED, with the values the prison's export would hold.</summary>
public sealed record ReleaseNotice : ISimulatedRecord
{
    public required string NoticeId { get; init; }

    /// <summary>For an amendment, the notice it supersedes (the original or the previous amendment).</summary>
    public string? SupersedesNoticeId { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required string Prison { get; init; }

    public required SyntheticPerson Person { get; init; }

    /// <summary>False when the prison record holds no NINo.</summary>
    public required bool HasNino { get; init; }

    public required DateOnly ReleaseDate { get; init; }

    public DateOnly? PreviousReleaseDate { get; init; }

    /// <summary>Only on NEW notices.</summary>
    public int? SentenceMonths { get; init; }

    /// <summary><c>MAPPA</c>, <c>PPO</c>, <c>IOM</c> or null.</summary>
    public string? CohortTier { get; init; }

    public bool SubstanceMisuse { get; init; }

    public bool MentalHealth { get; init; }

    public string? LeadProfessional { get; init; }

    public string? AmendmentReason { get; init; }

    /// <summary>The DSA-009 opt-in the person gave, while it stands.</summary>
    public string? OptInConsentRef { get; init; }

    public DateTimeOffset At => IssuedAt;

    public RecordKind Kind => SupersedesNoticeId is null ? RecordKind.ReleaseNotice : RecordKind.ReleaseAmendment;

    public string Key => NoticeId;
}
