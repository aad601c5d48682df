namespace Hub.Sharing.Decisions;

/// <summary>
/// What an allowed decision actually relied on, as opposed to what the event carried: a withdrawal recalls only
/// disclosures that rested on the consent (UK GDPR Art. 17(1)(b), Art. 19), never those on a statutory basis.
/// </summary>
public enum DecisionFooting
{
    /// <summary>Denied: nothing was disclosed.</summary>
    None,

    /// <summary>The flow's lawful basis alone (e.g. public task), with neither consent nor an asserted gateway.</summary>
    Basis,

    /// <summary>The legal gateway the event asserts.</summary>
    Gateway,

    /// <summary>
    /// A consent record valid at decision time: at least one released field left only under a consent-based flow. A
    /// share whose every field another (statutory) flow also releases is not consent-based, whatever the event carried.
    /// </summary>
    Consent,
}
