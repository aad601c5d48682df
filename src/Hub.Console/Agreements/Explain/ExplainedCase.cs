using Hub.Contracts.Agencies;
using Hub.Sharing.Decisions;

namespace Hub.WebConsole.Agreements.Explain;

/// <summary>One case decided recipient by recipient, as <c>hub rules explain</c> prints it.</summary>
public sealed record ExplainedCase(
    string Name,
    AgencyCode Source,
    string EventType,
    Guid EventId,
    DateTimeOffset DecidedAt,
    IReadOnlyList<string> PresentFields,
    IReadOnlyList<Decision> Decisions);
