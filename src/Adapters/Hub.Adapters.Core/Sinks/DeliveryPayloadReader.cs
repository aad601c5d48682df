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
public sealed class DeliveryPayloadReader
{
    private readonly JsonElement _payload;
    private readonly FieldReader _fields;
    private readonly string _path;

    public DeliveryPayloadReader(EventDelivered delivery, FieldReader fields)
        : this(delivery?.Payload ?? throw new ArgumentNullException(nameof(delivery)), fields, "payload")
    {
        SharedUnder = string.Create(CultureInfo.InvariantCulture, $"{delivery.AgreementId}@{delivery.AgreementVersion}/{delivery.FlowId}");
        RetainUntil = DeliveryDocument.RetainUntil(delivery);
    }

    private DeliveryPayloadReader(JsonElement payload, FieldReader fields, string path)
    {
        _payload = payload;
        _fields = fields;
        _path = path;
    }

    public string SharedUnder { get; } = string.Empty;

    /// <summary>Retention runs from the sharing decision (see <see cref="DeliveryDocument.RetainUntil"/>).</summary>
    public DateTimeOffset? RetainUntil { get; }

    public string? Text(string name) => Read(_payload, name);

    public string? SubjectText(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty("subject", out var subject) ? Read(subject, name) : null;

    public string Required(string name) => _fields.Required($"{_path}.{name}", Text(name));

    public string? RequiredNino()
    {
        var text = SubjectText("nino");
        if (text is null)
        {
            _fields.Add($"{_path}.subject.nino", "is required");
            return null;
        }

        return _fields.Nino($"{_path}.subject.nino", text);
    }

    /// <summary>The subject's NHS number when the flow released it, checked (a malformed one is a problem); else null.</summary>
    public string? NhsNumber() => _fields.NhsNumber($"{_path}.subject.nhsNumber", SubjectText("nhsNumber"));

    public DateOnly Date(string name) => _fields.Date($"{_path}.{name}", Text(name));

    public DateOnly? OptionalDate(string name) => _fields.OptionalDate($"{_path}.{name}", Text(name));

    public DateTimeOffset Timestamp(string name) => _fields.Timestamp($"{_path}.{name}", Text(name));

    public DateTimeOffset? OptionalTimestamp(string name) => Text(name) is null ? null : Timestamp(name);

    public int Number(string name)
    {
        if (_payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        _fields.Add($"{_path}.{name}", "is required (a whole number)");
        return 0;
    }

    /// <summary>A released number, or null when withheld, absent or not a number.</summary>
    public decimal? Quantity(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    /// <summary>A released boolean, or null when withheld or absent.</summary>
    public bool? Flag(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public IReadOnlyList<string> TextList(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    /// <summary>The objects of a released array, each read at <c>payload.name[i]</c>.</summary>
    public IReadOnlyList<DeliveryPayloadReader> Elements(string name) =>
        _payload.ValueKind == JsonValueKind.Object && _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select((e, i) => new DeliveryPayloadReader(e, _fields, string.Create(CultureInfo.InvariantCulture, $"{_path}.{name}[{i}]")))]
            : [];

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? FieldReader.Optional(value.GetString())
            : null;
}
