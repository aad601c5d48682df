namespace Hub.Router.Provenance;

/// <summary>A fingerprint of one value of an incoming event, and the field (as agreements name it) that holds it.</summary>
public sealed record ProvenanceProbe(string Fingerprint, string Field);
