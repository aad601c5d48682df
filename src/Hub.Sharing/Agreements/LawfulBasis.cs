using Hub.Sharing.Vocabulary;

namespace Hub.Sharing.Agreements;

/// <summary>The legal footing of a flow: an Art. 6 basis, plus the conditions special-category or criminal-offence data need.</summary>
public sealed record LawfulBasis
{
    public static LawfulBasis None { get; } = new() { Article6 = string.Empty };

    /// <summary>UK GDPR Art. 6(1) basis id, e.g. <c>public-task</c>.</summary>
    public required string Article6 { get; init; }

    /// <summary>UK GDPR Art. 9(2) condition id, for special-category data.</summary>
    public string? Article9 { get; init; }

    /// <summary>DPA 2018 Schedule 1 condition, e.g. <c>sch1-part1-para2</c>, for special-category data.</summary>
    public string? Schedule1 { get; init; }

    /// <summary>DPA 2018 s10(5) / Schedule 1 condition for criminal-offence data.</summary>
    public string? CriminalOffence { get; init; }

    /// <summary>The agreement's own words, if it gives any.</summary>
    public string? Statement { get; init; }

    /// <summary>Plain words, e.g. "Art. 6(1)(e) public task; Art. 9(2)(h) health or social care (sch1-part1-para2)".</summary>
    public string Describe()
    {
        var parts = new List<string> { Meaning(LawfulBases.Article6, Article6) };
        if (Article9 is not null)
        {
            parts.Add(Meaning(LawfulBases.Article9, Article9) + (Schedule1 is null ? string.Empty : $" ({Schedule1})"));
        }

        if (CriminalOffence is not null)
        {
            parts.Add($"criminal offence data under {CriminalOffence}");
        }

        return string.Join("; ", parts);
    }

    private static string Meaning(IReadOnlyList<Term> terms, string id) => terms.FirstOrDefault(t => t.Id == id)?.Meaning ?? id;
}
