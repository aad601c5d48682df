namespace Hub.Router.Recalls;

/// <summary>
/// How a <see cref="RecallCauseKind"/> is stored, printed and labelled: <c>consent-withdrawal</c> or <c>retraction</c>.
/// Two fixed values, so it is also the bounded <c>agencyhub.recall_cause</c> metric label.
/// </summary>
public static class RecallCauseKinds
{
    public const string ConsentWithdrawal = "consent-withdrawal";
    public const string Retraction = "retraction";

    public static IReadOnlyList<RecallCauseKind> All { get; } = [RecallCauseKind.ConsentWithdrawal, RecallCauseKind.Retraction];

    public static string ToText(RecallCauseKind kind) => kind switch
    {
        RecallCauseKind.ConsentWithdrawal => ConsentWithdrawal,
        RecallCauseKind.Retraction => Retraction,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recall cause."),
    };

    public static RecallCauseKind Parse(string text) => text switch
    {
        ConsentWithdrawal => RecallCauseKind.ConsentWithdrawal,
        Retraction => RecallCauseKind.Retraction,
        _ => throw new FormatException($"Unknown recall cause '{text}'."),
    };
}
