namespace Hub.Sharing.Agreements;

public enum FlowEffect
{
    /// <summary>Sharing allowed, with the flow's released fields.</summary>
    Permit,

    /// <summary>Sharing forbidden; overrides every permit for the same source, event type and recipient.</summary>
    Forbid,
}
