namespace Hub.Sharing.Agreements;

/// <summary>
/// One (event type, source, recipient) whose sharing a change to the agreements alters, and how, in words
/// (<see cref="AgreementDiff"/>). Its text is what <c>hub rules diff</c> prints.
/// </summary>
public sealed record AgreementChange(string EventType, string Source, string Recipient, string Change)
{
    public override string ToString() => $"{EventType} {Source} -> {Recipient}: {Change}";
}
