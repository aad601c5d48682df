namespace Hub.Sharing.Vocabulary;

/// <summary>
/// A statutory gateway: the purposes it prescribes, and whether data obtained under it may go further than
/// those purposes. Data tagged with a gateway keeps its limits wherever it travels next (architecture §5.5).
/// </summary>
public sealed record Gateway(string Id, string Statute, IReadOnlyList<string> PrescribedPurposes, string OnwardDisclosure)
{
    /// <summary>
    /// True for a supply gateway (WRA 2012 s131, Tell Us Once): each supply is made for one prescribed purpose,
    /// the one the event declares, and may be used for that purpose only, not for the gateway's other purposes.
    /// </summary>
    public bool BindsToDeclaredPurpose { get; init; }
}
