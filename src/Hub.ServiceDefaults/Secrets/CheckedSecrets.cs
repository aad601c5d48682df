namespace Hub.ServiceDefaults.Secrets;

/// <summary>The options type <see cref="PlaceholderSecretCheck"/> validates at start-up; it has no settings of its own.</summary>
public sealed class CheckedSecrets;
