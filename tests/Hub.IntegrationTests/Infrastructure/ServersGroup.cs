namespace Hub.IntegrationTests.Infrastructure;

/// <summary>
/// Every test touching the broker runs in this one collection, one class at a time: they share the hub's
/// queues, and a second router would compete for the same ingress messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServersGroup : ICollectionFixture<ServersFixture>
{
    public const string Name = "real RabbitMQ and Postgres";
}
