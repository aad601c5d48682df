using System.Text;
using System.Text.Json;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// The only code that prints a dead-lettered message's body, as text or as the <c>payload</c> of
/// <c>agencyhub.ops.dlq.show/1</c>. <see cref="ShowCommand"/> calls it only with <c>--payload</c>, a reason, and after
/// the ledger has recorded the access.
/// </summary>
public static class PayloadPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The body for a JSON document: the message inside a MassTransit envelope, any other JSON as it is, else the text.</summary>
    public static object ToJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var shown = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) ? message : document.RootElement;
            return shown.Clone();
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(body.Span);
        }
    }

    public static void Write(TextWriter output, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("payload (this access is recorded in the disclosure ledger):");
        try
        {
            using var document = JsonDocument.Parse(body);
            var shown = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message) ? message : document.RootElement;
            output.WriteLine(JsonSerializer.Serialize(shown, Indented));
        }
        catch (JsonException)
        {
            output.WriteLine(Encoding.UTF8.GetString(body.Span));
        }
    }
}
