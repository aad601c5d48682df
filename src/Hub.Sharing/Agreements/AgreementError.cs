namespace Hub.Sharing.Agreements;

/// <summary>A problem in an agreement file, located precisely enough to fix it.</summary>
public sealed record AgreementError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
