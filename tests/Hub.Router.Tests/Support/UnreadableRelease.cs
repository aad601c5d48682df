using MassTransit;

namespace Hub.Router.Tests.Support;

/// <summary>Claims to be a release notice, but its body cannot be read as one: the envelope is a number.</summary>
[MessageUrn("Hub.Contracts.Custody.V1:ReleaseScheduled")]
public sealed record UnreadableRelease(int Envelope, string ReleaseDate);
