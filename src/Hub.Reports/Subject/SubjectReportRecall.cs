namespace Hub.Reports.Subject;

/// <summary>A disclosure's recall status for one cause: requested and acknowledged, or (after a withdrawal) not recalled and why.</summary>
public sealed record SubjectReportRecall
{
    /// <summary><c>consent-withdrawal</c> or <c>retraction</c>: what the recall (or its absence) is about.</summary>
    public required string Cause { get; init; }

    /// <summary><c>acknowledged</c>, <c>outstanding</c>, <c>none</c> or <c>not-recalled</c>.</summary>
    public required string Status { get; init; }

    public Guid? RecallId { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Why the recipient was asked to erase (a withdrawn consent, a retraction); null when no recall was sent.</summary>
    public string? CauseReason { get; init; }

    public required string Explanation { get; init; }
}
