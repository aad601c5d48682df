namespace Hub.Sharing.Vocabulary;

/// <summary>
/// The legal gateways agreements may name. Prescribed purposes follow the seed documents; each must be confirmed
/// against legislation.gov.uk by the IG lead before sign-off (scenarios.md §6).
/// </summary>
public static class Gateways
{
    public static IReadOnlyList<Gateway> All { get; } =
    [
        new("WRA2012-s131", "Welfare Reform Act 2012 s131 and the 2012 Regulations (s132: unlawful disclosure is an offence)",
            ["benefit-or-grant-eligibility", "homelessness-application", "troubled-families", "charged-care-services", "local-welfare-assistance", "blue-badge", "discretionary-housing-payments", "young-people-skills-support"],
            "Only for the prescribed purpose it was supplied for; any other disclosure is an offence under s132")
        {
            BindsToDeclaredPurpose = true,
            Recipients = GatewayRecipients.DwpAndLocalAuthorities,
        },
        new("CDA1998-s115", "Crime and Disorder Act 1998 s115",
            ["law-enforcement", "offender-management", "safeguarding"],
            "Only for the purposes of the Act"),
        new("CJA2003-s325", "Criminal Justice Act 2003 s325 (MAPPA duty to co-operate)",
            ["offender-management", "safeguarding"],
            "Only for MAPPA risk assessment and management"),
        new("ORA2014-s7", "Offender Rehabilitation Act 2014 (supervision on release)",
            ["offender-management", "resettlement-housing", "benefit-continuity", "continuity-of-care", "substance-misuse-treatment"],
            "Only for rehabilitation and resettlement"),
        new("HSCA2012-s251B", "Health and Social Care Act 2012 s251B (duty to share for individual care)",
            ["direct-care", "continuity-of-care", "adult-social-care", "substance-misuse-treatment"],
            "Only for the individual's care"),
        new("TUO-REG", "Tell Us Once (registration of births and deaths)",
            ["birth-registration"],
            "Only to the named government recipients")
        {
            BindsToDeclaredPurpose = true,
            Recipients = GatewayRecipients.Dwp,
        },
    ];

    public static Gateway? Find(string? id) => All.FirstOrDefault(g => g.Id == id);
}
