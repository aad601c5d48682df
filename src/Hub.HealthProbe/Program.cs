using Hub.HealthProbe;

// Exit 0 when the process's own /health/<live|ready> answers 2xx, 1 otherwise (Docker's healthcheck contract).
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
return await HealthProbe.RunAsync(args, Environment.GetEnvironmentVariable("Health__Urls"), http, CancellationToken.None);
