using System.Globalization;

namespace Hub.IntegrationTests.Infrastructure;

/// <summary>Runs <c>hub ops …</c> as the <c>hub-operator</c> broker user against the test broker (docs/adr/0012).</summary>
public static class OperatorCli
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(BrokerEndpoint broker, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(broker);
        return HubCli.RunAsync(
            new Dictionary<string, string>
            {
                ["AGENCYHUB_Broker__Host"] = broker.Host,
                ["AGENCYHUB_Broker__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
                ["AGENCYHUB_Broker__VirtualHost"] = broker.VirtualHost,
                ["AGENCYHUB_Broker__Username"] = "hub-operator",
                ["AGENCYHUB_Broker__Password"] = broker.PasswordOf("hub-operator"),
            },
            ["ops", .. arguments]);
    }
}
