using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Jcp.Hosting;

var builder = AgencyWorkerHost.CreateBuilder(args);
builder.AddJcpAdapter();
await builder.Build().RunAsync();
