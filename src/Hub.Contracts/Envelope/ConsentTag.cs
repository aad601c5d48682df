namespace Hub.Contracts.Envelope;

/// <summary>
/// Why the source holds the data and on what footing it offers it for sharing: either a consent record reference
/// or an asserted legal gateway (e.g. <c>WRA2012-s131</c>), never both, plus the purpose it was collected for.
/// </summary>
public sealed record ConsentTag
{
    /// <summary>Reference of a consent record in the hub's consent registry (e.g. <c>C-123</c>).</summary>
    public string? ConsentRef { get; init; }

    /// <summary>The statutory gateway the source asserts (e.g. <c>WRA2012-s131</c>, <c>CJA2003-s325</c>).</summary>
    public string? LegalGateway { get; init; }

    /// <summary>The purpose under which the source collected the data (controlled vocabulary).</summary>
    public required string CollectionPurpose { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConsentRef) == string.IsNullOrWhiteSpace(LegalGateway))
        {
            problems.Add("consent tag must carry exactly one of consentRef or legalGateway");
        }

        if (string.IsNullOrWhiteSpace(CollectionPurpose))
        {
            problems.Add("consent tag has no collectionPurpose");
        }

        return problems;
    }
}
