namespace Hub.Sharing.Consent;

/// <summary>Whether a consent covers one share, and why, in words an IG lead would use.</summary>
public sealed record ConsentCheck(bool IsValid, string Explanation);
