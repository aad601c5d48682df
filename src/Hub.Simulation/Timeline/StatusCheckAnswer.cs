using Hub.Simulation.Population;

namespace Hub.Simulation.Timeline;

/// <summary>DWP's answer to a housing status query, from the claim record of the person asked about.</summary>
public sealed record StatusCheckAnswer : ISimulatedRecord
{
    public required Guid QueryId { get; init; }

    public required SyntheticPerson Person { get; init; }

    /// <summary>Empty for a person with no claim.</summary>
    public string? ClaimRef { get; init; }

    /// <summary><c>IN_WORK</c>, <c>NOT_IN_WORK</c> or <c>NOT_KNOWN</c>.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset AnsweredAt { get; init; }

    public DateTimeOffset At => AnsweredAt;

    public RecordKind Kind => RecordKind.StatusCheck;

    public string Key => QueryId.ToString();
}
