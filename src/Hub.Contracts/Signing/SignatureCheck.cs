namespace Hub.Contracts.Signing;

/// <summary>Why a message's signature was not accepted; worded without any of the message's values.</summary>
public enum SignatureCheck
{
    Valid,
    NotSigned,
    UnknownKey,
    DoesNotVerify,
}
