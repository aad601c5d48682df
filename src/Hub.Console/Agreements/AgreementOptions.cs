namespace Hub.WebConsole.Agreements;

/// <summary>Settings under <c>Console:Agreements</c>.</summary>
public sealed class AgreementOptions
{
    public const string Section = "Console:Agreements";

    /// <summary>The folder the router reads its agreements from (<c>Router:AgreementsPath</c>), mounted read-only.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>An active agreement expiring within this many days is badged "Expiring soon".</summary>
    public int ExpiringSoonDays { get; set; } = 90;
}
