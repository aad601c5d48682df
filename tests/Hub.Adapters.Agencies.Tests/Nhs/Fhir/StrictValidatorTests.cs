namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>
/// Tests that validate with the strict test validator (<see cref="BaseR4Validation"/>). It is a second Firely validator
/// over the same specification as the adapter's, and two validators compiling the same base profiles at once can
/// fail inside Firely; these tests run alone so that never happens.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StrictValidatorTests
{
    public const string Name = "strict FHIR validator";
}
