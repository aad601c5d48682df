using Hub.Simulation.Population;

namespace Hub.Simulation.Timeline;

/// <summary>A homelessness application whose applicant declares a job housing asks DWP to verify (AS-13).</summary>
public sealed record HousingApplication : ISimulatedRecord
{
    public required string ApplicationRef { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required SyntheticPerson Applicant { get; init; }

    public required DateOnly DeclaredJobStart { get; init; }

    /// <summary>The query id the council adapter derives from the application ref, which JCP's answer quotes.</summary>
    public required Guid QueryId { get; init; }

    public DateTimeOffset At => SubmittedAt;

    public RecordKind Kind => RecordKind.HousingApplication;

    public string Key => ApplicationRef;
}
