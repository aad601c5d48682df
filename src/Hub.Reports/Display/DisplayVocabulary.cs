using System.Text;
using Hub.Sharing.Vocabulary;

namespace Hub.Reports.Display;

/// <summary>
/// The one place where the hub's codes get plain words for people outside it: agencies, event types, fields,
/// purposes, gateways, what a disclosure relied on, and recall states. Purposes and gateways come from the sharing
/// vocabularies agreements are checked against; a field without its own words is spelt out from its name
/// (<c>addressOnRelease</c> becomes "Address on release"). The codes stay in the JSON form of every report.
/// </summary>
public static class DisplayVocabulary
{
    private static readonly Dictionary<string, string> Agencies = new(StringComparer.Ordinal)
    {
        ["police"] = "the police",
        ["probation"] = "the Probation Service",
        ["jcp"] = "Jobcentre Plus (Department for Work and Pensions)",
        ["nhs"] = "the NHS",
        ["council"] = "the council",
    };

    private static readonly Dictionary<string, string> EventTypes = new(StringComparer.Ordinal)
    {
        ["assessment.common.completed"] = "a completed common assessment",
        ["case.lead-professional.changed"] = "a change of lead professional",
        ["consent.recorded"] = "a consent you gave",
        ["consent.withdrawn"] = "your withdrawal of a consent",
        ["custody.release.amended"] = "a change to a prison release date",
        ["custody.release.scheduled"] = "a prison release notice",
        ["employment.referral.created"] = "a referral to employment support",
        ["employment.status.answered"] = "an answer about your employment",
        ["employment.status.queried"] = "a question about your employment",
        ["employment.support.ended"] = "the end of employment support",
        ["family.case-conference.convened"] = "a family case conference",
        ["health.discharge.planned"] = "a planned hospital discharge",
        ["health.record.retracted"] = "a health record withdrawn as made in error",
        ["health.treatment-continuity.required"] = "a need for treatment to continue",
        ["leaving-care.accommodation-need.identified"] = "an accommodation need on leaving care",
        ["performance.indicators.submitted"] = "performance figures",
        ["registration.birth.recorded"] = "a registered birth",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["subject.pncId"] = "Police National Computer (PNC) ID",
        ["subject.nhsNumber"] = "NHS number",
        ["subject.nino"] = "National Insurance number",
        ["subject.localId"] = "The council's reference for you (sent as a pseudonym)",
        ["dateOfBirth"] = "Date of birth",
        ["gpPractice"] = "GP practice",
        ["riskOfHarm"] = "Risk of harm assessment",
        ["supersedesEventId"] = "Reference to the notice this one replaces",
        ["cohortTier"] = "Offender management cohort",
        ["sentenceBand"] = "Length of sentence (band)",
    };

    private static readonly Dictionary<string, string> Footings = new(StringComparer.Ordinal)
    {
        ["consent"] = "your consent",
        ["gateway"] = "a legal gateway (a law that allows or requires the sharing)",
        ["basis"] = "the lawful basis stated (the agency's public task or legal duty)",
    };

    private static readonly Dictionary<string, string> RecallStates = new(StringComparer.Ordinal)
    {
        ["acknowledged"] = "Erased: the recipient confirmed it",
        ["outstanding"] = "Erasure asked for: the recipient has not yet confirmed it",
        ["none"] = "Not recalled",
        ["not-recalled"] = "Not recalled (shared under law, not on consent)",
    };

    public static string Agency(string code) => Agencies.TryGetValue(code, out var name) ? name : code;

    /// <summary>For a table heading or the start of a sentence.</summary>
    public static string AgencyTitle(string code) => Capitalise(Agency(code));

    public static string EventType(string code) => EventTypes.TryGetValue(code, out var name) ? name : Words(code.Replace('.', ' ').Replace('-', ' '));

    public static string Field(string path) => Fields.TryGetValue(path, out var name) ? name : Capitalise(Words(path.StartsWith("subject.", StringComparison.Ordinal) ? path["subject.".Length..] : path));

    public static string Purpose(string? id) => id is null ? "–" : Purposes.All.FirstOrDefault(t => t.Id == id)?.Meaning ?? id;

    public static string Gateway(string? id) => id is null ? "–" : Gateways.Find(id)?.Statute ?? id;

    public static string Footing(string? code) => code is not null && Footings.TryGetValue(code, out var text) ? text : "–";

    public static string RecallState(string status) => RecallStates.TryGetValue(status, out var text) ? text : status;

    /// <summary>The row heading for one cause of erasure: the two can apply to one disclosure.</summary>
    public static string RecallHeading(string cause) => cause == "retraction" ? "Erasure after the sender withdrew the record" : "Erasure after a consent withdrawal";

    public static string RecallCause(string cause) => cause == "retraction" ? "the agency that sent it withdrew the record" : "you withdrew your consent";

    /// <summary>"addressOnRelease" → "address on release".</summary>
    private static string Words(string code)
    {
        var words = new StringBuilder(code.Length + 8);
        foreach (var c in code)
        {
            if (char.IsUpper(c) && words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
