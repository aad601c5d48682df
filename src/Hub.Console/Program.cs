using Hub.WebConsole.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

// The web console on its own (compose service, k8s Deployment); `hub console` hosts the same pipeline over the
// embedded run. Exit codes: 0 stopped, 2 configuration refused at start (its failures on one line of standard error).
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddHubConsole();
var app = builder.Build();
var refused = StartupCheck.Failures(app.Services);
if (refused.Count > 0)
{
    await Console.Error.WriteLineAsync("agencyhub console: configuration refused: " + string.Join(" ", refused));
    return 2;
}

app.UseHubConsole();
await app.RunAsync();
return 0;
