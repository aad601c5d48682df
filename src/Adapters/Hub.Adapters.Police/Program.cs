using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Police.Hosting;

var builder = AgencyWorkerHost.CreateBuilder(args);
builder.AddPoliceAdapter();
await builder.Build().RunAsync();
