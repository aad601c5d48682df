using System.Text;
using System.Text.Json;
using Hub.Cli.Commands.Ops;

namespace Hub.Cli.Tests.Ops;

/// <summary>Dead-lettered messages as MassTransit leaves them, with personal data planted where a leak would show it.</summary>
internal static class DeadLetterSamples
{
    public const string Name = "Jane Planted-Example";
    public const string Address = "17 Leakage Row";
    public const string Nhs = "9434765919";
    public static readonly Guid EventId = Guid.Parse("6f1c2b1e-0000-4000-8000-00000000e001");
    public static readonly Guid DeliveryId = Guid.Parse("6f1c2b1e-0000-5000-8000-00000000d001");
    public static readonly Guid MessageId = Guid.Parse("6f1c2b1e-0000-4000-8000-00000000a001");

    public static byte[] ReleaseBody(string source = "probation") => Envelope("urn:message:Hub.Contracts.Custody.V1:ReleaseScheduled", new
    {
        envelope = new { eventId = EventId, source, occurredAt = "2026-11-30T09:00:00Z", subject = new { nhsNumber = Nhs }, classification = "criminal-offence" },
        fullName = Name,
        address = Address,
        releaseDate = "2026-12-20",
    });

    public static byte[] DeliveryBody() => Envelope("urn:message:Hub.Contracts.Delivery.V1:EventDelivered", new
    {
        deliveryId = DeliveryId,
        eventId = EventId,
        eventType = "custody.release.scheduled",
        source = "probation",
        recipient = "police",
        payload = new { fullName = Name, address = Address, subject = new { nhsNumber = Nhs } },
    });

    public static byte[] Envelope(string urn, object message) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        messageId = MessageId,
        messageType = new[] { urn },
        message,
        sentTime = "2026-11-30T09:00:01Z",
    });

    public static DeadLetterMessage Message(string queue, byte[] body, string? exceptionType, string? faultMessage, string? reason = null)
    {
        var headers = new Dictionary<string, object?>
        {
            ["MT-Fault-InputAddress"] = Encoding.UTF8.GetBytes("rabbitmq://broker/agencyhub/" + queue[..queue.LastIndexOf('_')]),
            ["MT-Fault-Timestamp"] = Encoding.UTF8.GetBytes("2026-11-30T09:00:02.0000000Z"),
            ["MT-Fault-RetryCount"] = 3,
            ["MT-Fault-StackTrace"] = Encoding.UTF8.GetBytes($"at Sink.Write({Name}, {Address})"),
            ["MT-Host-MachineName"] = Encoding.UTF8.GetBytes("router-1"),
        };
        if (exceptionType is not null)
        {
            headers["MT-Fault-ExceptionType"] = Encoding.UTF8.GetBytes(exceptionType);
        }

        if (faultMessage is not null)
        {
            headers["MT-Fault-Message"] = Encoding.UTF8.GetBytes(faultMessage);
        }

        if (reason is not null)
        {
            headers["MT-Reason"] = Encoding.UTF8.GetBytes(reason);
        }

        return new DeadLetterMessage(queue, MessageId.ToString(), null, headers, body, Redelivered: false);
    }

    public static string Printed(DeadLetter letter)
    {
        using var output = new StringWriter();
        DeadLetterPrinter.WriteQueue(output, letter.Queue, 1, [letter], truncated: false);
        DeadLetterPrinter.WriteDetail(output, letter);
        return output.ToString();
    }
}
