using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Core.Mapping;

namespace Hub.Adapters.Nhs.Deliveries;

/// <summary>
/// Reads a delivery's projected payload. The router releases only the fields a flow allows, so every field may be
/// absent and the contract record cannot be deserialized; fields are read one by one, and a missing required one
/// becomes a problem at <c>payload.&lt;field&gt;</c>, never quoting a value.
/// </summary>
public sealed class DeliveryPayload(JsonElement payload, FieldReader fields)
{
    public string? Value(string name) => Property(name) is { ValueKind: JsonValueKind.String } value ? FieldReader.Optional(value.GetString()) : null;

    public string RequiredValue(string name) => fields.Required($"payload.{name}", Value(name));

    public bool? Flag(string name) => Property(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public DateOnly? Date(string name) => fields.OptionalDate($"payload.{name}", Value(name));

    public DateOnly RequiredDate(string name) => fields.Date($"payload.{name}", Value(name));

    public DateTimeOffset RequiredTimestamp(string name) => fields.Timestamp($"payload.{name}", Value(name));

    /// <summary>The subject's NHS number when the flow released it (and it is well formed), else null.</summary>
    public string? NhsNumber() => Property("subject") is { ValueKind: JsonValueKind.Object } subject
        && subject.TryGetProperty("nhsNumber", out var value) && value.ValueKind == JsonValueKind.String
            ? fields.NhsNumber("payload.subject.nhsNumber", value.GetString())
            : null;

    public IReadOnlyList<JsonElement> Array(string name) =>
        Property(name) is { ValueKind: JsonValueKind.Array } value ? [.. value.EnumerateArray()] : [];

    public static string Format(bool flag) => flag ? "yes" : "no";

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private JsonElement? Property(string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
