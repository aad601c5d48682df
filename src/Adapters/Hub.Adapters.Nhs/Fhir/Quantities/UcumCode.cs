namespace Hub.Adapters.Nhs.Fhir.Quantities;

/// <summary>What a UCUM code is: a unit Fhir.Metrics knows, and how many mg one of it is when that is exact.</summary>
internal sealed record UcumCode(bool IsUnit, decimal? MilligramsPerUnit);
