using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Nhs.Hosting;

var builder = AgencyWorkerHost.CreateBuilder(args);
builder.AddNhsAdapter();
await builder.Build().RunAsync();
