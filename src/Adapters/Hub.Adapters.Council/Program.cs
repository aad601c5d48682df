using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Council.Hosting;

var builder = AgencyWorkerHost.CreateBuilder(args);
builder.AddCouncilAdapter();
await builder.Build().RunAsync();
