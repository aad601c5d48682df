using System.Globalization;

namespace Hub.Cli.Commands.Ops;

/// <summary>Prints <see cref="DeadLetter"/> metadata. It is handed nothing else, so it cannot print a payload.</summary>
public static class DeadLetterPrinter
{
    public static void WriteQueue(TextWriter output, string queue, uint? depth, IReadOnlyList<DeadLetter> letters, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(letters);
        if (depth is null)
        {
            output.WriteLine($"{queue}: not declared (nothing has failed there yet)");
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queue}: {depth} message(s){(truncated ? $", first {letters.Count} shown" : string.Empty)}"));
        foreach (var letter in letters)
        {
            WriteSummary(output, letter);
        }
    }

    public static void WriteSummary(TextWriter output, DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(letter);
        output.WriteLine($"  message {letter.MessageId ?? "(no id)"}: {What(letter)}");
        output.WriteLine($"    failed {Time(letter.FailedAt)} on {letter.FailedOn ?? DeadLetterQueues.LiveQueue(letter.Queue)}: {Failure(letter)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    retries {Count(letter.RetryCount)}, redeliveries {Count(letter.RedeliveryCount)}, {letter.BodyBytes} bytes"));
    }

    public static void WriteDetail(TextWriter output, DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(letter);
        Line(output, "queue", letter.Queue);
        Line(output, "side", letter.Kind == DeadLetterKind.Ingress ? $"ingress of {letter.Agency} (replay re-submits it to the router)" : $"delivery to {letter.Agency} (replay asks the router to re-check and resend it)");
        Line(output, "message id", letter.MessageId);
        Line(output, "message type", letter.MessageType);
        Line(output, "event type", letter.EventType);
        Line(output, "event id", letter.EventId?.ToString());
        Line(output, "delivery id", letter.DeliveryId?.ToString());
        Line(output, "source", letter.Source);
        Line(output, "recipient", letter.Recipient);
        Line(output, "sent", letter.SentAt is null ? null : Time(letter.SentAt));
        Line(output, "failed", Time(letter.FailedAt));
        Line(output, "failed on", letter.FailedOn);
        Line(output, "exception type", letter.ExceptionType);
        Line(output, "reason code", letter.ReasonCode);
        Line(output, "reason", letter.Reason);
        if (letter.FaultMessageWithheld)
        {
            Line(output, "fault message", "withheld: not written by the router, so it may quote data (use --payload with a reason to inspect the message)");
        }

        Line(output, "retries", Count(letter.RetryCount));
        Line(output, "redeliveries", Count(letter.RedeliveryCount));
        Line(output, "body", string.Create(CultureInfo.InvariantCulture, $"{letter.BodyBytes} bytes, sha256 {letter.BodySha256}"));
    }

    private static string What(DeadLetter letter)
    {
        var type = letter.EventType ?? letter.MessageType ?? "(unreadable body)";
        var parts = new List<string> { type };
        if (letter.MessageType is not null && letter.EventType is not null)
        {
            parts[0] = $"{letter.MessageType} {letter.EventType}";
        }

        if (letter.EventId is { } eventId)
        {
            parts.Add($"event {eventId}");
        }

        if (letter.DeliveryId is { } deliveryId)
        {
            parts.Add($"delivery {deliveryId}");
        }

        if (letter.Source is not null)
        {
            parts.Add($"from {letter.Source}");
        }

        if (letter.Recipient is not null)
        {
            parts.Add($"to {letter.Recipient}");
        }

        return string.Join(", ", parts);
    }

    private static string Failure(DeadLetter letter)
    {
        var type = letter.ExceptionType ?? "(no exception type)";
        if (letter.ReasonCode is not null)
        {
            return $"{type}, {letter.ReasonCode}: {letter.Reason}";
        }

        return letter.FaultMessageWithheld ? $"{type} (message withheld)" : type;
    }

    private static void Line(TextWriter output, string label, string? value)
    {
        if (value is not null)
        {
            output.WriteLine($"  {label,-15} {value}");
        }
    }

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "?";

    internal static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(time unknown)";
}
