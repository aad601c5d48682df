using Hub.Adapters.Core.Sinks.DropFolder;
using Hub.Adapters.Core.Sinks.Postgres;
using Hub.Adapters.Core.Sinks.Webhook;

namespace Hub.Adapters.Core.Sinks;

/// <summary><c>Adapter:Sink</c>: the sink kind and the options of each kind (only the chosen one is read).</summary>
public sealed class SinkOptions
{
    public const string SectionName = "Adapter:Sink";

    public SinkKind Kind { get; set; } = SinkKind.None;

    public WebhookSinkOptions Webhook { get; set; } = new();

    public DropFolderSinkOptions DropFolder { get; set; } = new();

    public PostgresSinkOptions Postgres { get; set; } = new();
}
