using Hub.Router.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");

// `migrate`: the one-shot schema step (compose service, k8s Job) run with the owner's credential, which the
// long-running router then never holds (docs/adr/0022).
if (args.FirstOrDefault() == "migrate")
{
    return await RouterMigration.RunAsync(builder.Configuration, Console.Out, Console.Error);
}

builder.AddHubRouter();
await builder.Build().RunAsync();
return 0;
