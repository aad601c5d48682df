namespace Hub.Sharing.Vocabulary;

/// <summary>UK GDPR Art. 6 bases and Art. 9(2) conditions, and the shape of DPA 2018 Schedule 1 conditions.</summary>
public static class LawfulBases
{
    public static IReadOnlyList<Term> Article6 { get; } =
    [
        new("consent", "Art. 6(1)(a) consent"),
        new("contract", "Art. 6(1)(b) contract"),
        new("legal-obligation", "Art. 6(1)(c) legal obligation"),
        new("vital-interests", "Art. 6(1)(d) vital interests"),
        new("public-task", "Art. 6(1)(e) public task"),
        new("legitimate-interests", "Art. 6(1)(f) legitimate interests"),
    ];

    public static IReadOnlyList<Term> Article9 { get; } =
    [
        new("explicit-consent", "Art. 9(2)(a) explicit consent"),
        new("employment-social-security", "Art. 9(2)(b) employment, social security and social protection law"),
        new("vital-interests", "Art. 9(2)(c) vital interests"),
        new("legal-claims", "Art. 9(2)(f) legal claims"),
        new("substantial-public-interest", "Art. 9(2)(g) substantial public interest"),
        new("health-or-social-care", "Art. 9(2)(h) health or social care"),
        new("public-health", "Art. 9(2)(i) public health"),
        new("archiving-research-statistics", "Art. 9(2)(j) archiving, research and statistics"),
    ];

    /// <summary>Art. 9(2)(a): the one Art. 9 condition that rests on the person's own consent, so the flow must check it.</summary>
    public const string ExplicitConsent = "explicit-consent";

    /// <summary>
    /// The DPA 2018 Schedule 1 conditions that supply the law for an Art. 9(2) condition (DPA 2018 s10(2)-(3)): Part 1
    /// para 1 for (b), para 2 for (h), para 3 for (i), para 4 for (j), and a Part 2 condition (paras 6 to 28) for (g).
    /// The other conditions ((a) explicit consent, (c) vital interests, (f) legal claims) need none.
    /// </summary>
    public static IReadOnlyDictionary<string, Schedule1Need> Schedule1ForArticle9 { get; } = new Dictionary<string, Schedule1Need>(StringComparer.Ordinal)
    {
        ["employment-social-security"] = new(1, 1, 1, "sch1-part1-para1"),
        ["substantial-public-interest"] = new(2, 6, 28, "one of sch1-part2-para6 to sch1-part2-para28"),
        ["health-or-social-care"] = new(1, 2, 2, "sch1-part1-para2"),
        ["public-health"] = new(1, 3, 3, "sch1-part1-para3"),
        ["archiving-research-statistics"] = new(1, 4, 4, "sch1-part1-para4"),
    };

    /// <summary>DPA 2018 Schedule 1 conditions are named <c>sch1-partN-paraM</c>, e.g. <c>sch1-part1-para2</c> (health or social care).</summary>
    public const string Schedule1Pattern = "^sch1-part[1-3]-para[0-9]{1,2}$";
}
