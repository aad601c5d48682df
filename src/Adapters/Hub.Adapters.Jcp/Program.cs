using Hub.Adapters.Jcp.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddJcpAdapter();
await builder.Build().RunAsync();
