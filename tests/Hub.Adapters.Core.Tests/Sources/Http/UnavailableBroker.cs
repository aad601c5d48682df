using MassTransit;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>A send-endpoint provider whose broker is down: every send fails as an unreachable broker does.</summary>
internal sealed class UnavailableBroker : ISendEndpointProvider
{
    public ConnectHandle ConnectSendObserver(ISendObserver observer) => throw new NotSupportedException();

    public Task<ISendEndpoint> GetSendEndpoint(Uri address) => throw new InvalidOperationException("broker unreachable");
}
