using Hub.Adapters.Probation.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddProbationAdapter();
await builder.Build().RunAsync();
