namespace Hub.Router.Recalls;

/// <summary>What a recall carries out: a consent's withdrawal (docs/adr/0007) or a source's retraction (docs/adr/0020).</summary>
public enum RecallCauseKind
{
    ConsentWithdrawal,
    Retraction,
}
