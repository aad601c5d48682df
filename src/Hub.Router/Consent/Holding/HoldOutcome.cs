namespace Hub.Router.Consent.Holding;

/// <summary>What ingress does with an event whose consent is not recorded.</summary>
public enum HoldOutcome
{
    /// <summary>Hold disabled and never held: decide now, the consent unknown.</summary>
    DecideNow,

    /// <summary>Held (now, or still, within its window): acknowledge the message and decide nothing yet.</summary>
    Held,

    /// <summary>The window has ended without the consent: decide now, saying how long the hub waited.</summary>
    WindowEnded,

    /// <summary>Held earlier with other content under the same event id.</summary>
    EventIdReused,
}
