namespace Hub.Router.Consent;

/// <summary>Why a consent event or a recall acknowledgement was refused; ledgered like every other rejection.</summary>
public static class ConsentRejectionCodes
{
    public const string Invalid = "consent-invalid";
    public const string Conflict = "consent-conflict";
    public const string Unknown = "consent-unknown";
    public const string NotOwned = "consent-not-owned";
    public const string SubjectMismatch = "consent-subject-mismatch";
    public const string RecallUnknown = "recall-unknown";
}
