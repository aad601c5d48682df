namespace Hub.Sharing.Agreements;

public enum DiagnosticSeverity
{
    /// <summary>The agreement set must not be used.</summary>
    Error,

    /// <summary>Usable, but an IG lead should look (a review date passed, overlapping permits …).</summary>
    Warning,
}
