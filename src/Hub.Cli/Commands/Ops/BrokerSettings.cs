using System.CommandLine;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Secrets;
using Microsoft.Extensions.Configuration;

namespace Hub.Cli.Commands.Ops;

/// <summary>
/// Where <c>hub ops</c> reaches the broker: the router's own settings and variables (<c>AGENCYHUB_Broker__Host</c>,
/// <c>__Port</c>, <c>__VirtualHost</c>, <c>__Username</c>, <c>__Password</c>, <c>__Tls__Enabled</c>, <c>__Tls__ServerName</c>,
/// <c>__Tls__CaFile</c>, <c>__Tls__PinnedServerCertificateSha256__0</c>, <c>__Tls__ClientCertificateFile</c>,
/// <c>__Tls__ClientKeyFile</c>, <c>__Tls__UseCertificateIdentity</c>, and a cluster's <c>__Hosts__0</c>, <c>__Hosts__1</c>, …), with the user defaulting to
/// <c>hub-operator</c> (deploy/rabbitmq: reads only the dead-letter queues). Options override host, port, vhost and
/// user; the password is taken from the environment only, never from the command line, where <c>ps</c> shows it.
/// </summary>
internal sealed class BrokerSettings
{
    public const string PasswordVariable = "AGENCYHUB_Broker__Password";
    public const string CertificateIdentityVariable = "AGENCYHUB_Broker__Tls__UseCertificateIdentity";
    public const string OperatorUser = "hub-operator";

    public Option<string?> Host { get; } = new("--broker-host") { Description = "RabbitMQ host (default: $AGENCYHUB_Broker__Host, else 127.0.0.1)" };

    public Option<int?> Port { get; } = new("--broker-port") { Description = "RabbitMQ port (default: $AGENCYHUB_Broker__Port, else 5672)" };

    public Option<string?> VirtualHost { get; } = new("--broker-vhost") { Description = "Virtual host (default: $AGENCYHUB_Broker__VirtualHost, else agencyhub)" };

    public Option<string?> User { get; } = new("--broker-user") { Description = $"Broker user (default: $AGENCYHUB_Broker__Username, else {OperatorUser}); the password is read from ${PasswordVariable}" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Host);
        command.Options.Add(Port);
        command.Options.Add(VirtualHost);
        command.Options.Add(User);
    }

    /// <returns>The settings, or null with <paramref name="error"/> saying what is missing.</returns>
    public BrokerOptions? Resolve(ParseResult result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fromEnvironment = new BrokerOptions();
        new ConfigurationBuilder().AddEnvironmentVariables("AGENCYHUB_").Build().GetSection(BrokerOptions.SectionName).Bind(fromEnvironment);
        var options = new BrokerOptions
        {
            Host = result.GetValue(Host) ?? fromEnvironment.Host,
            Port = result.GetValue(Port) ?? fromEnvironment.Port,
            VirtualHost = result.GetValue(VirtualHost) ?? fromEnvironment.VirtualHost,
            Username = result.GetValue(User) ?? (string.IsNullOrEmpty(fromEnvironment.Username) ? OperatorUser : fromEnvironment.Username),
            Password = fromEnvironment.Password,
            Tls = fromEnvironment.Tls,
        };
        // A cluster's nodes (AGENCYHUB_Broker__Hosts__0, …), unless --broker-host names the one node to use.
        if (result.GetValue(Host) is null)
        {
            foreach (var node in fromEnvironment.Hosts)
            {
                options.Hosts.Add(node);
            }
        }

        var identityIsCertificate = options.Tls.UseCertificateIdentity;
        error = !identityIsCertificate && string.IsNullOrEmpty(options.Password)
            ? $"No broker password: set {PasswordVariable} to the password of broker user '{options.Username}' (it is never taken from the command line), or log in with a client certificate ({CertificateIdentityVariable}=true)."
            : !identityIsCertificate && PlaceholderSecrets.IsPlaceholder(options.Password!)
                ? $"{PasswordVariable} holds a placeholder from a sample configuration; set the real password of broker user '{options.Username}'."
                : options.Port is < 1 or > 65535 ? "--broker-port must be between 1 and 65535."
                : !BrokerNodes.TryRead(options, out _, out var nodes) ? $"{nodes!.TrimEnd('.')} (set by AGENCYHUB_Broker__Hosts__N)."
                : BrokerOptionsCheck.ProblemWith(options);
        return error is null ? options : null;
    }
}
