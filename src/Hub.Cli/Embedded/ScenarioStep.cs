using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;

namespace Hub.Cli.Embedded;

/// <summary>One event the embedded run submits, and through which agency's ingress.</summary>
public sealed record ScenarioStep(string Scenario, string Description, AgencyCode SubmittedBy, IShareableEvent Event);
