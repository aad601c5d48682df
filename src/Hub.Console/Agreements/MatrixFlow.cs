namespace Hub.WebConsole.Agreements;

/// <summary>A flow behind a matrix cell; qualified when it applies only under conditions or with consent.</summary>
public sealed record MatrixFlow(string AgreementId, string Reference, string FlowId, bool IsQualified)
{
    public override string ToString() => $"{Reference} {FlowId}";
}
