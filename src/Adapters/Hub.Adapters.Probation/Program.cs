using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Probation.Hosting;

var builder = AgencyWorkerHost.CreateBuilder(args);
builder.AddProbationAdapter();
await builder.Build().RunAsync();
