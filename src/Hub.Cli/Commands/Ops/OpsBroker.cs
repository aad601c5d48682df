using System.Net.Sockets;
using Hub.ServiceDefaults.Messaging;
using RabbitMQ.Client.Exceptions;

namespace Hub.Cli.Commands.Ops;

/// <summary>Connects <see cref="DeadLetterBroker"/>, or says on stderr why not (without the password).</summary>
internal static class OpsBroker
{
    public static async Task<DeadLetterBroker?> ConnectAsync(BrokerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await DeadLetterBroker.ConnectAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or SocketException or OperationInterruptedException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"Cannot connect to the broker at {BrokerNodes.Describe(options)}/{options.VirtualHost} as {options.Username} ({ex.GetType().Name}): check the host, the user and {(options.Tls.UseCertificateIdentity ? "that the broker knows the client certificate's user" : BrokerSettings.PasswordVariable)}{(options.Tls.Enabled ? ", and that the broker's certificate carries the expected name and chains to a trusted CA (AGENCYHUB_Broker__Tls__CaFile when set) and any pin" : string.Empty)}.");
            return null;
        }
    }
}
