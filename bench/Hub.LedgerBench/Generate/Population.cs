using Hub.Contracts.Agencies;
using Hub.Contracts.Subjects;
using Hub.Router.Configuration;
using Hub.Router.Ledger;
using Microsoft.Extensions.Options;

namespace Hub.LedgerBench.Generate;

/// <summary>
/// The people in the generated ledger: a few thousand, each with the pseudonyms each agency would record for them
/// (keyed by a fresh subject key, as the router does), plus the one person whose report is timed. The generated
/// identifiers are made up; the person of interest's are the NHS, PNC and NINO test values the repository's tests use.
/// </summary>
public sealed class Population
{
    public static readonly string[] Agencies = ["probation", "police", "jcp", "nhs", "council"];

    private Population(string key, string[][] bySource, string[][] interestBySource, SubjectIdentifiers interest)
    {
        Key = key;
        BySourceAndSubject = bySource;
        InterestBySource = interestBySource;
        Interest = interest;
    }

    /// <summary>Base64 of the subject key the ledger was written with (what <c>--subject-key-file</c> holds).</summary>
    public string Key { get; }

    /// <summary>Index [subject * agencies + source]: the pseudonyms a row from that source carries for that subject.</summary>
    public string[][] BySourceAndSubject { get; }

    public string[][] InterestBySource { get; }

    public SubjectIdentifiers Interest { get; }

    public int Count => BySourceAndSubject.Length / Agencies.Length;

    public static Population Create(int subjects, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var keyBytes = new byte[32];
        random.NextBytes(keyBytes);
        var key = Convert.ToBase64String(keyBytes);
        var pseudonymiser = new SubjectPseudonymiser(Options.Create(new LedgerOptions { SubjectKey = key }));
        var bySource = new string[subjects * Agencies.Length][];
        for (var s = 0; s < subjects; s++)
        {
            var nhs = pseudonymiser.Pseudonym("nhs", $"9{s:D9}");
            var pnc = pseudonymiser.Pseudonym("pnc", $"2020/{s:D7}X");
            var nino = pseudonymiser.Pseudonym("nino", $"AB{s:D6}C");
            for (var a = 0; a < Agencies.Length; a++)
            {
                bySource[(s * Agencies.Length) + a] = ForSource(pseudonymiser, a, nhs, pnc, nino, $"L{s:D7}");
            }
        }

        var interest = new SubjectIdentifiers { NhsNumber = "9434765919", PncId = "2023/0011872D", Nino = "JY123456C" };
        var mine = pseudonymiser.Pseudonymise(interest, new AgencyCode("cli"));
        var interestBySource = new string[Agencies.Length][];
        for (var a = 0; a < Agencies.Length; a++)
        {
            interestBySource[a] = ForSource(pseudonymiser, a, mine[0], mine[1], mine[2], "L-INTEREST");
        }

        return new Population(key, bySource, interestBySource, interest);
    }

    /// <summary>What each agency knows a person by: a national identifier or two and, for some, its own local id.</summary>
    private static string[] ForSource(SubjectPseudonymiser pseudonymiser, int source, string nhs, string pnc, string nino, string local) => Agencies[source] switch
    {
        "probation" => [pnc, nino, pseudonymiser.Pseudonym("local.probation", local)],
        "police" => [pnc, pseudonymiser.Pseudonym("local.police", local)],
        "jcp" => [nino],
        "nhs" => [nhs, pseudonymiser.Pseudonym("local.nhs", local)],
        _ => [nhs, pseudonymiser.Pseudonym("local.council", local)],
    };
}
