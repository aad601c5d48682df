using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Hub.Router.Ledger;

/// <summary>
/// The digest a ledger row keeps of its delivery (<see cref="LedgerEntry.DeliverySha256"/>, docs/adr/0025): SHA-256,
/// lowercase hex, of the outbox body in a canonical JSON form — object members sorted by name (ordinal), no
/// whitespace, strings re-escaped one way, numbers by value. Postgres keeps the body as <c>jsonb</c>, which reorders
/// members and drops whitespace; the canonical form is the same before and after, so the digest taken at decision
/// time can be checked against the stored body by <c>hub audit verify</c> on either store.
/// </summary>
public static class DeliveryDigests
{
    public static string Of(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body);
        var buffer = new ArrayBufferWriter<byte>(body.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document.RootElement);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                // By value: 1.50 and 1.5 are one number to jsonb's output and to this digest.
                writer.WriteRawValue(element.TryGetDecimal(out var number)
                    ? (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                    : element.GetRawText());
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
