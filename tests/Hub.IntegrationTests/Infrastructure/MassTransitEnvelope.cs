using System.Text.Json;
using Hub.Contracts;
using MassTransit;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Builds MassTransit-envelope bodies by hand, as software other than our adapter SDK would.</summary>
public static class MassTransitEnvelope
{
    public static byte[] For(object message, Guid? messageId = null) =>
        For(MessageUrn.ForTypeString(message.GetType()), JsonSerializer.SerializeToElement(message, message.GetType(), ContractJson.Options), messageId);

    public static byte[] For(string messageTypeUrn, JsonElement message, Guid? messageId = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = messageId ?? Guid.NewGuid(),
            messageType = new[] { messageTypeUrn },
            message,
        });
}
