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

// `prune-outbox`: the scheduled retention job for the outbox and the ingress register (docs/adr/0031), also as owner.
if (args.FirstOrDefault() == "prune-outbox")
{
    return await RouterOutboxRetention.RunAsync(builder.Configuration, TimeProvider.System, Console.Out, Console.Error);
}

builder.AddHubRouter();
await builder.Build().RunAsync();
return 0;
