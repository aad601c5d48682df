namespace Hub.Sharing.Vocabulary;

/// <summary>The purposes a flow may name. Controlled, so that two agreements cannot describe one purpose two ways.</summary>
public static class Purposes
{
    public static IReadOnlyList<Term> All { get; } =
    [
        new("offender-management", "Supervising and managing offenders, including IOM, MAPPA and PPO arrangements"),
        new("resettlement-housing", "Arranging accommodation for people leaving custody"),
        new("benefit-continuity", "Making sure benefit claims continue or start without a gap"),
        new("continuity-of-care", "Continuing health care across a transfer (e.g. prison to community)"),
        new("substance-misuse-treatment", "Drug and alcohol treatment, including prescribing continuity"),
        new("direct-care", "Individual care of the person by a health or care professional"),
        new("adult-social-care", "Assessing and meeting adult social care needs (Care Act 2014)"),
        new("children-social-care", "Children's and leaving-care services"),
        new("safeguarding", "Protecting a child or an adult at risk"),
        new("employment-support", "Helping a person into and to stay in work"),
        new("job-outcome-verification", "Confirming whether a participant is still in work for outcome payments"),
        new("enhanced-resettlement", "The opt-in enhanced resettlement offer"),
        new("information-passport", "A person's portable core record, moved with their consent"),
        new("benefit-or-grant-eligibility", "Deciding eligibility for a benefit or grant"),
        new("homelessness-application", "Deciding a homelessness application"),
        new("troubled-families", "The Troubled Families programme"),
        new("charged-care-services", "Services the council charges for (supporting people, care, residential care)"),
        new("local-welfare-assistance", "Local schemes replacing the Social Fund"),
        new("blue-badge", "The Blue Badge scheme"),
        new("discretionary-housing-payments", "Discretionary housing payments"),
        new("young-people-skills-support", "Skills and training support for young people"),
        new("birth-registration", "Tell Us Once notification of a registered birth"),
        new("performance-reporting", "Aggregate performance and statistical returns"),
        new("law-enforcement", "Preventing, investigating or prosecuting crime"),
    ];

    public static bool IsKnown(string id) => All.Any(t => t.Id == id);
}
