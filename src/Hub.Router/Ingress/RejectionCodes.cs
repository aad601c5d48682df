namespace Hub.Router.Ingress;

/// <summary>Why an ingress message was refused; recorded in the ledger and the error queue's fault headers.</summary>
public static class RejectionCodes
{
    public const string Malformed = "malformed";
    public const string UnknownType = "unknown-type";
    public const string Oversized = "oversized";
    public const string ForgedSource = "forged-source";
    public const string UnknownSource = "unknown-source";
    public const string EventIdReused = "event-id-reused";
    public const string ProcessingFailed = "processing-failed";

    /// <summary>Unsigned, or not signed by a key registered for its source agency (docs/adr/0023).</summary>
    public const string SignatureInvalid = "signature-invalid";

    /// <summary>An aggregate-non-personal event whose payload holds a subject identifier (issue 12).</summary>
    public const string PersonalDataInAggregate = Hub.Sharing.Disclosure.AggregateDisclosure.RejectionCode;
}
