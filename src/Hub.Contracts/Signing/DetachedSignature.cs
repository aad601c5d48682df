namespace Hub.Contracts.Signing;

/// <summary>A signature carried inside the message it signs, made over the message with this property empty.</summary>
public sealed record DetachedSignature(string KeyId, string Value);
