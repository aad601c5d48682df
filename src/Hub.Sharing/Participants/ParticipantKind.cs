namespace Hub.Sharing.Participants;

/// <summary>What sort of body a participant is; IG leads weigh lawful bases differently for each.</summary>
public enum ParticipantKind
{
    /// <summary>A public body with statutory functions: police, probation, DWP, the NHS, a council.</summary>
    Statutory,

    /// <summary>A charity or voluntary organisation, e.g. St Giles or Shaw Trust.</summary>
    ThirdSector,

    /// <summary>A commercial provider, e.g. a contracted employment programme provider.</summary>
    Private,
}
