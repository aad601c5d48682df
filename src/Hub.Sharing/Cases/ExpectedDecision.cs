namespace Hub.Sharing.Cases;

/// <summary>What an IG lead expects for one recipient: allow or deny, optionally the exact released fields or a phrase of the reason.</summary>
public sealed record ExpectedDecision(bool Allow, IReadOnlyList<string>? Fields, string? ReasonContains);
