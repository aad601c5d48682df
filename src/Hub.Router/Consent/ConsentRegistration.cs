namespace Hub.Router.Consent;

/// <summary>Outcome of registering a consent: new, a redelivery of the same, or a clash with a different consent of that id.</summary>
public enum ConsentRegistration
{
    Recorded,
    AlreadyRecorded,
    Conflict,
}
