using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Delivery.V1;

namespace Hub.Adapters.Core.Sinks;

/// <summary>
/// For an <see cref="IDeliveryRecordMapper"/>: reads the released fields of a delivery's payload into a
/// <see cref="FieldReader"/>. A withheld field is simply absent; problems name the payload path
/// (<c>payload.releaseDate</c>), never the value.
/// </summary>
public sealed class DeliveryPayloadReader(EventDelivered delivery, FieldReader fields)
{
    private readonly JsonElement _payload = delivery.Payload;

    public string SharedUnder { get; } = string.Create(CultureInfo.InvariantCulture, $"{delivery.AgreementId}@{delivery.AgreementVersion}/{delivery.FlowId}");

    /// <summary>Retention runs from the sharing decision (see <see cref="DeliveryDocument.RetainUntil"/>).</summary>
    public DateTimeOffset? RetainUntil { get; } = DeliveryDocument.RetainUntil(delivery);

    public string? Text(string name) => Read(_payload, name);

    public string? SubjectText(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty("subject", out var subject) ? Read(subject, name) : null;

    public string Required(string name) => fields.Required($"payload.{name}", Text(name));

    public string? RequiredNino()
    {
        var text = SubjectText("nino");
        if (text is null)
        {
            fields.Add("payload.subject.nino", "is required");
            return null;
        }

        return fields.Nino("payload.subject.nino", text);
    }

    public DateOnly Date(string name) => fields.Date($"payload.{name}", Text(name));

    public DateOnly? OptionalDate(string name) => fields.OptionalDate($"payload.{name}", Text(name));

    public DateTimeOffset Timestamp(string name) => fields.Timestamp($"payload.{name}", Text(name));

    public DateTimeOffset? OptionalTimestamp(string name) => Text(name) is null ? null : Timestamp(name);

    public int Number(string name)
    {
        if (_payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        fields.Add($"payload.{name}", "is required (a whole number)");
        return 0;
    }

    /// <summary>A released boolean, or null when withheld or absent.</summary>
    public bool? Flag(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public IReadOnlyList<string> TextList(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? FieldReader.Optional(value.GetString())
            : null;
}
