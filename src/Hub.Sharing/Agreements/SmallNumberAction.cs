namespace Hub.Sharing.Agreements;

/// <summary>What a flow does with an aggregate event holding a count below its small-number threshold.</summary>
public enum SmallNumberAction
{
    /// <summary>The small counts leave as null (a suppressed cell); every other value leaves as it is.</summary>
    Suppress,

    /// <summary>The flow does not apply to the event at all.</summary>
    Deny,
}
