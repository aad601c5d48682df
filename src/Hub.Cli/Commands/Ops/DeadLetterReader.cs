using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Operations.V1;
using Hub.Router.Consent;
using Hub.Router.Ingress;
using MassTransit;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// Turns a dead-lettered message into <see cref="DeadLetter"/> metadata. Everything is an allow-list: a value is
/// kept only if it has the exact shape of an identifier, code, type name or time, and the only free text kept is the
/// reason of a refusal the router itself wrote. A header or body field that does not match is dropped, never quoted.
/// </summary>
public static partial class DeadLetterReader
{
    public const string FaultExceptionType = "MT-Fault-ExceptionType";
    public const string FaultMessage = "MT-Fault-Message";
    public const string FaultTimestamp = "MT-Fault-Timestamp";
    public const string FaultInputAddress = "MT-Fault-InputAddress";
    public const string FaultRetryCount = "MT-Fault-RetryCount";
    public const string FaultRedeliveryCount = "MT-Fault-RedeliveryCount";
    public const string RedeliveryCount = "MT-Redelivery-Count";
    public const string Reason = "MT-Reason";

    /// <summary>The exceptions whose message is the router's own refusal, "code: reason", naming fields and never their values.</summary>
    private static readonly HashSet<string> RouterRefusals = [typeof(IngressRejectedException).FullName!, typeof(OversizedEnvelopeException).FullName!];

    private static readonly HashSet<string> ReasonCodes = [.. CodesOf(typeof(RejectionCodes)), .. CodesOf(typeof(ConsentRejectionCodes))];

    private static readonly Dictionary<string, string> EventTypesByUrn = EventCatalogue.All.ToDictionary(e => MessageUrn.ForTypeString(e.ClrType), e => e.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> HubMessagesByUrn = new(StringComparer.Ordinal)
    {
        [MessageUrn.ForTypeString<EventDelivered>()] = "(delivery)",
        [MessageUrn.ForTypeString<RecallRequested>()] = "(recall)",
        [MessageUrn.ForTypeString<RecallAcknowledged>()] = "(recall-ack)",
        [MessageUrn.ForTypeString<DeliveryReplayRequested>()] = "(ops-replay)",
        [MessageUrn.ForTypeString<IngressReplayRequested>()] = "(ops-ingress-replay)",
    };

    public static DeadLetter Read(DeadLetterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!DeadLetterQueues.TryParse(message.Queue, out var kind, out var agency))
        {
            throw new ArgumentException("Not a hub dead-letter queue.", nameof(message));
        }

        var exceptionType = Text(message.Headers, FaultExceptionType) is { } type && TypeName().IsMatch(type) ? type : null;
        var faultMessage = Text(message.Headers, FaultMessage) ?? (message.Queue.EndsWith("_skipped", StringComparison.Ordinal) ? Text(message.Headers, Reason) : null);
        var (code, reason) = Refusal(kind, exceptionType, faultMessage, message.Queue);
        var letter = new DeadLetter
        {
            Queue = message.Queue,
            Kind = kind,
            Agency = agency.Value,
            MessageId = Guid.TryParse(message.MessageId, out var messageId) ? messageId.ToString() : null,
            FailedOn = QueueOf(Text(message.Headers, FaultInputAddress)),
            ExceptionType = exceptionType,
            ReasonCode = code,
            Reason = reason,
            FaultMessageWithheld = faultMessage is not null && reason is null,
            FailedAt = Time(message.Headers, FaultTimestamp) ?? message.Timestamp,
            RetryCount = Number(message.Headers, FaultRetryCount),
            RedeliveryCount = Number(message.Headers, FaultRedeliveryCount) ?? Number(message.Headers, RedeliveryCount),
            BodyBytes = message.Body.Length,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(message.Body.Span)),
        };
        return FromBody(letter, message.Body);
    }

    /// <summary>The delivery id a dead-lettered delivery names, for replay; null when the body is not a readable delivery.</summary>
    public static Guid? DeliveryIdOf(ReadOnlyMemory<byte> body) => Envelope(body) is { } envelope && envelope.Message is { } m ? IdOf(m, "deliveryId") : null;

    private static DeadLetter FromBody(DeadLetter letter, ReadOnlyMemory<byte> body)
    {
        if (Envelope(body) is not { } envelope)
        {
            return letter;
        }

        letter = letter with
        {
            MessageId = letter.MessageId ?? envelope.MessageId?.ToString(),
            SentAt = envelope.SentTime,
        };
        var urn = envelope.MessageTypes.Count > 0 ? envelope.MessageTypes[0] : null;
        if (urn is not null && EventTypesByUrn.TryGetValue(urn, out var eventType))
        {
            var head = envelope.Message is { } m && m.TryGetProperty("envelope", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
            return letter with
            {
                EventType = eventType,
                EventId = head is { } h ? IdOf(h, "eventId") : null,
                Source = head is { } s ? Agency(s, "source") : null,
            };
        }

        if (urn is not null && HubMessagesByUrn.TryGetValue(urn, out var hubType))
        {
            var m = envelope.Message;
            return letter with
            {
                MessageType = hubType,
                EventType = m is { } d && d.TryGetProperty("eventType", out var t) && t.ValueKind == JsonValueKind.String && EventCatalogue.TryGet(t.GetString()!, out var info) ? info.Name : null,
                EventId = m is { } d2 ? IdOf(d2, "eventId") : null,
                DeliveryId = m is { } d3 ? IdOf(d3, "deliveryId") : null,
                Source = m is { } d4 ? Agency(d4, "source") : null,
                Recipient = m is { } d5 ? Agency(d5, "recipient") : null,
            };
        }

        return letter with { MessageType = MessageTypeText.IsQuotable(urn) ? urn : "(unrecognised)" };
    }

    private static (string? Code, string? Reason) Refusal(DeadLetterKind kind, string? exceptionType, string? faultMessage, string queue)
    {
        // Only the router writes ingress refusals; an adapter's or a driver's exception message is never trusted.
        if (faultMessage is null || kind != DeadLetterKind.Ingress)
        {
            return (null, null);
        }

        var isRefusal = (exceptionType is not null && RouterRefusals.Contains(exceptionType))
            || (exceptionType is null && queue.EndsWith("_skipped", StringComparison.Ordinal));
        var separator = faultMessage.IndexOf(": ", StringComparison.Ordinal);
        if (!isRefusal || separator <= 0 || !ReasonCodes.Contains(faultMessage[..separator]))
        {
            return (null, null);
        }

        var reason = new string([.. faultMessage[(separator + 2)..].Where(c => !char.IsControl(c)).Take(400)]);
        return (faultMessage[..separator], reason);
    }

    private static EnvelopeFields? Envelope(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var types = root.TryGetProperty("messageType", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : [];
            return new EnvelopeFields(
                IdOf(root, "messageId"),
                types,
                root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : null,
                root.TryGetProperty("sentTime", out var s) && s.ValueKind == JsonValueKind.String && s.TryGetDateTimeOffset(out var sent) ? sent : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Guid? IdOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id) ? id : null;

    private static string? Agency(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && AgencyCode.IsValid(value.GetString()) ? value.GetString() : null;

    private static string? QueueOf(string? address)
    {
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var name = uri.AbsolutePath.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return QueueName().IsMatch(name) ? name : null;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value)
        ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string text => text,
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        }
        : null;

    private static int? Number(IReadOnlyDictionary<string, object?> headers, string name) =>
        int.TryParse(Text(headers, name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Time(IReadOnlyDictionary<string, object?> headers, string name) =>
        DateTimeOffset.TryParse(Text(headers, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;

    private static IEnumerable<string> CodesOf(Type codes) =>
        codes.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.+`]{0,199}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();

    [GeneratedRegex("^hub\\.[a-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
