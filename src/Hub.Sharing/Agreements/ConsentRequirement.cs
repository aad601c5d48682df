namespace Hub.Sharing.Agreements;

public enum ConsentRequirement
{
    /// <summary>The flow rests on a statutory basis; consent is not asked.</summary>
    NotRequired,

    /// <summary>A valid consent covering subject, purpose and recipient is needed at decision time.</summary>
    Required,

    /// <summary>Consent is needed unless the event asserts the flow's gateway.</summary>
    RequiredUnlessGateway,
}
