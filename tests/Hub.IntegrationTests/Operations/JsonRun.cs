using System.Text.Json;

namespace Hub.IntegrationTests.Operations;

/// <summary>A <c>hub … --format json</c> run: exit code, stdout parsed as one document (an empty object when it printed none), stderr.</summary>
internal sealed record JsonRun(int ExitCode, string Output, string Errors)
{
    public JsonElement Root { get; } = Parse(Output);

    private static JsonElement Parse(string output)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "{}" : output);
        return document.RootElement.Clone();
    }
}
