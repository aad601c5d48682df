namespace Hub.Router.Consent.Holding;

/// <summary>
/// A held event ready to be released: its consent has been recorded since, or its source has retracted it since
/// (it is then denied, docs/adr/0020), or its window has ended.
/// </summary>
public sealed record DueHeldEvent(HeldEvent Event, bool ConsentRecorded, bool Retracted = false);
