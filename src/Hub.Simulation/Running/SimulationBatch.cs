using Hub.Simulation.Formats;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Running;

/// <summary>The records of one kind produced in one simulated period (an hour or a day): one file in one agency's inbox.</summary>
public sealed record SimulationBatch(DateTimeOffset Start, DateTimeOffset End, DropFileKind Kind, IReadOnlyList<ISimulatedRecord> Records)
{
    public string Agency => DropFileKinds.AgencyOf(Kind);
}
