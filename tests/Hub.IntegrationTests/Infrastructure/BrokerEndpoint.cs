namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Where the test broker is (one node, or a cluster's <see cref="Nodes"/>), and each hub user's password on it.</summary>
public sealed record BrokerEndpoint(string Host, int Port, string VirtualHost, IReadOnlyDictionary<string, string> Passwords)
{
    /// <summary>A cluster's nodes as <c>host:port</c> (the first is <see cref="Host"/>:<see cref="Port"/>); empty for one node.</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>The participant variables naming <see cref="Nodes"/> (<c>Broker__Hosts__0</c>, …), none for one node.</summary>
    public IEnumerable<KeyValuePair<string, string>> NodeVariables() =>
        Nodes.Select((node, i) => KeyValuePair.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Broker__Hosts__{i}"), node));

    public string PasswordOf(string user) =>
        Passwords.TryGetValue(user, out var password) ? password : throw new InvalidOperationException($"No password is known for broker user {user}.");
}
