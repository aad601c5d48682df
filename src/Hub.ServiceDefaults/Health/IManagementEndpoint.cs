using Microsoft.AspNetCore.Builder;

namespace Hub.ServiceDefaults.Health;

/// <summary>
/// Something else the management listener serves beside the probes (e.g. <c>/metrics</c>). Registered in the worker's
/// container; <see cref="HealthEndpointServer"/> maps each one on its own small web app when it starts.
/// </summary>
public interface IManagementEndpoint
{
    void Map(WebApplication app);
}
