namespace Hub.Router.Metrics;

/// <summary>Values of the <c>agencyhub.refusal_scope</c> label on <c>agencyhub.router.agreements.reload.refused</c>.</summary>
public static class RefusalScopes
{
    /// <summary>One agreement file refused for its own errors; the other agreements decide.</summary>
    public const string Agreement = "agreement";

    /// <summary>The whole folder refused (participants.yaml, one id in two files); the last good set decides.</summary>
    public const string Set = "set";
}
