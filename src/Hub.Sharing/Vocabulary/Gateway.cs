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

    /// <summary>Which participants may receive data under the gateway.</summary>
    public GatewayRecipients Recipients { get; init; } = GatewayRecipients.StatutoryBodies;

    /// <summary>Whether <paramref name="participant"/> is a body this gateway lets receive data.</summary>
    public bool CanServe(Participants.Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.Kind == Participants.ParticipantKind.Statutory && Recipients switch
        {
            GatewayRecipients.DwpAndLocalAuthorities => participant.Code == Hub.Contracts.Agencies.AgencyCode.Jcp || participant.Code == Hub.Contracts.Agencies.AgencyCode.Council || participant.LocalAuthority is not null,
            GatewayRecipients.Dwp => participant.Code == Hub.Contracts.Agencies.AgencyCode.Jcp,
            _ => true,
        };
    }

    /// <summary>The bodies the gateway serves, as lint words them.</summary>
    public string DescribeRecipients() => Recipients switch
    {
        GatewayRecipients.DwpAndLocalAuthorities => "DWP (jcp) and local authorities",
        GatewayRecipients.Dwp => "DWP (jcp) among the hub's participants",
        _ => "statutory bodies",
    };
}
