namespace Hub.Sharing.Vocabulary;

/// <summary>Which bodies a gateway lets receive data: lint refuses a flow to any other (issue 12).</summary>
public enum GatewayRecipients
{
    /// <summary>Public bodies with statutory functions: a charity or a private provider cannot receive under a statutory gateway.</summary>
    StatutoryBodies,

    /// <summary>DWP (jcp) and local authorities (council, or a participant that declares its <c>localAuthority</c>): WRA 2012 s131.</summary>
    DwpAndLocalAuthorities,

    /// <summary>DWP (jcp) only, of the hub's participants: Tell Us Once names its government recipients.</summary>
    Dwp,
}
