namespace Hub.Router.Provenance;

/// <summary>
/// One value the hub delivered under a restricted gateway, as a keyed fingerprint of (recipient, subject, value): the
/// value itself is never stored. A later event from that recipient about that subject holding the same value inherits
/// the gateway's limits (docs/adr/0016). <see cref="OriginSource"/>, <see cref="OriginPurpose"/> and
/// <see cref="ObtainedAt"/> describe the first supply under the gateway; <see cref="MarkedByEvent"/> is the event whose
/// delivery left this mark (the first supply, or a later hop that carried the value on).
/// </summary>
public sealed record ProvenanceMark(
    string Fingerprint,
    string Gateway,
    string OriginPurpose,
    string OriginSource,
    Guid MarkedByEvent,
    string OriginField,
    DateTimeOffset ObtainedAt);
