namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

/// <summary>
/// One resource type's R4 codes as the property test's oracle reads them: every status, those that publish, those
/// that retract, every intent (none for resources without one), and where a modifier extension may be placed.
/// </summary>
internal sealed record FhirResourceRules(string[] Statuses, string[] Actionable, string[] Retracting, string[] Intents, string[] ModifierPlaces);
