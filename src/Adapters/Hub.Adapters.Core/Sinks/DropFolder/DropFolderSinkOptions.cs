namespace Hub.Adapters.Core.Sinks.DropFolder;

/// <summary><c>Adapter:Sink:DropFolder</c>.</summary>
public sealed class DropFolderSinkOptions
{
    /// <summary>The outbox folder; created if missing. The agency's own process picks up <c>*.json</c> from it.</summary>
    public string? Path { get; set; }
}
