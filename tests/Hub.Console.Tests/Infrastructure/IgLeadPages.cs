using Hub.WebConsole.Security;

namespace Hub.WebConsole.Tests.Infrastructure;

/// <summary>The console over a real agreements folder, with a client signed in as an IG lead: the IG lead's page tests start here.</summary>
public abstract class IgLeadPages : IAsyncLifetime, IDisposable
{
    private ConsoleFactory? _factory;
    private HttpClient? _client;

    protected AgreementFolder Agreements { get; } = new();

    protected HttpClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _factory = new ConsoleFactory(Agreements, [ConsoleRoles.IgLead]);
        _client = await SignedInClient.CreateAsync(_factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _factory?.Dispose();
        Agreements.Dispose();
        GC.SuppressFinalize(this);
    }
}
