using Hub.Adapters.Council.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddCouncilAdapter();
await builder.Build().RunAsync();
