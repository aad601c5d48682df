namespace Hub.Contracts.Envelope;

/// <summary>
/// Why the source holds the data and on what footing it offers it for sharing: either a consent record reference
/// or an asserted legal gateway (e.g. <c>WRA2012-s131</c>), never both, plus the purpose it was collected for.
/// Aggregate, non-personal data needs no footing, and carries neither.
/// </summary>
public sealed record ConsentTag
{
    /// <summary>Reference of a consent record in the hub's consent registry (e.g. <c>C-123</c>).</summary>
    public string? ConsentRef { get; init; }

    /// <summary>The statutory gateway the source asserts (e.g. <c>WRA2012-s131</c>, <c>CJA2003-s325</c>).</summary>
    public string? LegalGateway { get; init; }

    /// <summary>The purpose under which the source collected the data (controlled vocabulary).</summary>
    public required string CollectionPurpose { get; init; }

    /// <summary>
    /// Describes every problem with the tag for an event of this class, naming fields but never quoting values.
    /// Personal, special-category and offence data need exactly one of consentRef or legalGateway. Aggregate,
    /// non-personal data must carry neither: no person's consent can cover it and no gateway is needed for it, so
    /// either one means the event is misclassified (or links a statistic to a person's consent record).
    /// </summary>
    public IReadOnlyList<string> Validate(DataClassification classification)
    {
        var problems = new List<string>();
        var hasConsent = !string.IsNullOrWhiteSpace(ConsentRef);
        var hasGateway = !string.IsNullOrWhiteSpace(LegalGateway);
        if (classification == DataClassification.AggregateNonPersonal)
        {
            if (hasConsent)
            {
                problems.Add("envelope.consent.consentRef must be absent on an aggregate-non-personal event: it identifies no person whose consent could apply (classify the event as personal if it is about a person)");
            }

            if (hasGateway)
            {
                problems.Add("envelope.consent.legalGateway must be absent on an aggregate-non-personal event: non-personal data needs no gateway (classify the event as personal if it relies on one)");
            }
        }
        else if (hasConsent == hasGateway)
        {
            problems.Add($"envelope.consent must carry exactly one of consentRef or legalGateway for {Describe(classification)}; it carries {(hasConsent ? "both" : "neither")}");
        }

        if (string.IsNullOrWhiteSpace(CollectionPurpose))
        {
            problems.Add("envelope.consent.collectionPurpose is missing");
        }

        return problems;
    }

    private static string Describe(DataClassification classification) => classification switch
    {
        DataClassification.SpecialCategoryHealth => "special-category-health data",
        DataClassification.CriminalOffence => "criminal-offence data",
        _ => "personal data",
    };
}
