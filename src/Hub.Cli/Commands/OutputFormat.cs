using System.CommandLine;
using System.Text.Json;
using Hub.Cli.Commands.Audit;

namespace Hub.Cli.Commands;

/// <summary>
/// The <c>--format text|json</c> option of the commands that print results, and how a JSON document is written: one
/// document on stdout, camelCase, enums as strings, a versioned <c>schema</c> id as its first property
/// (docs/cli-json.md). Errors stay one line on stderr and the exit codes are the same in both formats.
/// </summary>
internal static class OutputFormat
{
    public const string Text = "text";

    public const string Json = "json";

    public static Option<string> Option(string schema)
    {
        var format = new Option<string>("--format") { Description = $"text or json (one document, shape {schema}; docs/cli-json.md)", DefaultValueFactory = _ => Text };
        format.AcceptOnlyFromAmong(Text, Json);
        return format;
    }

    public static bool IsJson(ParseResult result, Option<string> format)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GetValue(format) == Json;
    }

    /// <summary>Where the text format writes: stdout, or nowhere when the command writes one JSON document instead.</summary>
    public static TextWriter TextOut(bool json) => json ? TextWriter.Null : Console.Out;

    public static void Write(object document) => Console.WriteLine(JsonSerializer.Serialize(document, AuditJson.Options));
}
