namespace Hub.Cli.Commands.Audit;

/// <summary>A disclosure's recall status: requested and acknowledged, or not recalled and why.</summary>
internal sealed record SubjectReportRecall
{
    /// <summary><c>acknowledged</c>, <c>outstanding</c> or <c>not-recalled</c>.</summary>
    public required string Status { get; init; }

    public Guid? RecallId { get; init; }

    public DateTimeOffset? RequestedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public required string Explanation { get; init; }
}
