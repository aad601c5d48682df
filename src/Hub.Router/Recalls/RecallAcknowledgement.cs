namespace Hub.Router.Recalls;

/// <summary>Outcome of registering a recipient's acknowledgement of a recall.</summary>
public enum RecallAcknowledgement
{
    Recorded,
    AlreadyAcknowledged,
    UnknownRecall,
    WrongRecipient,
}
