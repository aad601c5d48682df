using Hub.Adapters.Nhs.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddNhsAdapter();
await builder.Build().RunAsync();
