using Hub.Router.Recalls;

namespace Hub.Cli.Commands.Audit;

/// <summary>
/// How the CLI words a recall's cause, the same in <c>hub audit recalls</c>, <c>hub audit subject</c> and
/// <c>hub ops trace</c>: consent ids, retraction (event) ids, agency codes and reason codes only.
/// </summary>
internal static class RecallWording
{
    /// <summary><c>consent withdrawal</c> or <c>retraction</c>: the cause as a label.</summary>
    public static string Label(RecallCauseKind kind) => kind == RecallCauseKind.Retraction ? "retraction" : "consent withdrawal";

    /// <summary><c>consent C-1 withdrawn 2026-…Z</c>, or <c>retraction R by nhs (entered-in-error) 2026-…Z</c>.</summary>
    public static string Cause(RecallNotice recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return recall.Cause.Kind == RecallCauseKind.Retraction
            ? $"retraction {recall.RetractionId} by {Source(recall)} ({recall.ReasonCode ?? "no reason code"}) {Ops.DeadLetterPrinter.Time(recall.WithdrawnAt)}"
            : $"consent {recall.ConsentId} withdrawn {Ops.DeadLetterPrinter.Time(recall.WithdrawnAt)}";
    }

    /// <summary>Why a recipient was asked to erase: <c>consent C-1 was withdrawn</c>, or <c>nhs retracted the event (entered-in-error) in retraction R</c>.</summary>
    public static string Why(RecallNotice recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return recall.Cause.Kind == RecallCauseKind.Retraction
            ? $"{Source(recall)} retracted the event ({recall.ReasonCode ?? "no reason code"}) in retraction {recall.RetractionId}"
            : $"consent {recall.ConsentId} was withdrawn";
    }

    /// <summary>The retracting agency: a retraction recalls only its own source's deliveries.</summary>
    private static string Source(RecallNotice recall) => recall.Deliveries.Count > 0 ? recall.Deliveries[0].Source.Value : "the source";
}
