namespace Hub.Contracts.Health.V1;

/// <summary>The reason codes a <see cref="RecordRetracted"/> carries.</summary>
public static class RetractionReasons
{
    /// <summary>The source record should never have existed (FHIR <c>entered-in-error</c>): recipients correct or erase what they hold.</summary>
    public const string EnteredInError = "entered-in-error";

    /// <summary>The request was withdrawn before it was completed (FHIR <c>cancelled</c>, <c>revoked</c>): recipients stop acting on it.</summary>
    public const string Withdrawn = "withdrawn-by-source";
}
