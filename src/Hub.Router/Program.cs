using Hub.Router.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddHubRouter();
await builder.Build().RunAsync();
