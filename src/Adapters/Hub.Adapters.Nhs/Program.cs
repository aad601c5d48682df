using Hub.Adapters.Nhs.Hosting;

// appsettings.json sits beside the binary: `dotnet run --project …` from the repository root must still find it.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddNhsAdapter();
await builder.Build().RunAsync();
