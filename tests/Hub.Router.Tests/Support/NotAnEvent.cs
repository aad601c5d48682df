namespace Hub.Router.Tests.Support;

/// <summary>A message type that is not in the event catalogue, so no ingress consumer accepts it.</summary>
public sealed record NotAnEvent(string X);
