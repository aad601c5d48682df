namespace Hub.Adapters.Core.Sinks;

/// <summary>Where delivered events go, chosen by <c>Adapter:Sink:Kind</c>.</summary>
public enum SinkKind
{
    /// <summary>No sink from configuration: the adapter's own code registers an <c>IDeliverySink</c>.</summary>
    None,

    /// <summary>POST to the agency's case system.</summary>
    Webhook,

    /// <summary>One JSON file per delivery in an outbox folder.</summary>
    DropFolder,

    /// <summary>A row per delivery in a table of the agency's own Postgres database.</summary>
    Postgres,
}
