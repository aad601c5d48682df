namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Where the test broker is, and each hub user's password on it.</summary>
public sealed record BrokerEndpoint(string Host, int Port, string VirtualHost, IReadOnlyDictionary<string, string> Passwords)
{
    public string PasswordOf(string user) =>
        Passwords.TryGetValue(user, out var password) ? password : throw new InvalidOperationException($"No password is known for broker user {user}.");
}
