using Hub.Adapters.Police.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddPoliceAdapter();
await builder.Build().RunAsync();
