using Hub.WebConsole.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// The web console on its own (compose service, k8s Deployment); `hub console` hosts the same pipeline over the
// embedded run. Exit codes: 0 stopped, 2 configuration refused at start (one line on standard error).
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("AGENCYHUB_");
builder.AddHubConsole();
var app = builder.Build();
app.UseHubConsole();
try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync("agencyhub console: configuration refused: " + string.Join(" ", ex.Failures));
    return 2;
}
