using System.Text.Json;

namespace Hub.Cli.Commands.Ops;

/// <summary>The parts of a MassTransit JSON envelope <see cref="DeadLetterReader"/> reads; <see cref="Message"/> is never printed.</summary>
internal sealed record EnvelopeFields(Guid? MessageId, IReadOnlyList<string> MessageTypes, JsonElement? Message, DateTimeOffset? SentTime);
