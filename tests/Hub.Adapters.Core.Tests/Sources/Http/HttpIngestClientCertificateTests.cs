using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hub.Adapters.Core.Configuration;
using Hub.Adapters.Core.Hosting;
using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Core.Tests.Support;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Topology;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Adapters.Core.Tests.Sources.Http;

/// <summary>The ingest endpoint on real Kestrel over TLS, authenticating a caller by its pinned client certificate.</summary>
public sealed class HttpIngestClientCertificateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-mtls-").FullName;
    private readonly X509Certificate2 _server = SelfSigned("CN=localhost", serverAuth: true);
    private readonly X509Certificate2 _pinned = SelfSigned("CN=probation-case-system", serverAuth: false);
    private readonly X509Certificate2 _stranger = SelfSigned("CN=someone-else", serverAuth: false);

    public void Dispose()
    {
        _server.Dispose();
        _pinned.Dispose();
        _stranger.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task When_the_caller_presents_the_pinned_certificate_should_accept_the_event_without_an_api_key()
    {
        await using var worker = await StartWorkerAsync();
        await using var server = await StartServerAsync(worker);

        using var response = await PostAsync(server.Url, _pinned);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        worker.GetRequiredService<ITestHarness>().Sent.Select<ReleaseScheduled>(new CancellationToken(canceled: true)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task When_the_caller_presents_another_certificate_or_none_should_answer_401_and_send_nothing()
    {
        await using var worker = await StartWorkerAsync();
        await using var server = await StartServerAsync(worker);

        using (var stranger = await PostAsync(server.Url, _stranger))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var anonymous = await PostAsync(server.Url, null))
        {
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        worker.GetRequiredService<ITestHarness>().Sent.Select(_ => true, new CancellationToken(canceled: true)).ShouldBeEmpty();
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, X509Certificate2? clientCertificate)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _server.Thumbprint;
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        using var client = new HttpClient(handler);
        var release = TestDeliveries.Release(AgencyCode.Probation);
        using var body = new StringContent(JsonSerializer.Serialize(release, ContractJson.Options), System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(url, "/events/custody.release.scheduled"), body);
    }

    private async Task<ServiceProvider> StartWorkerAsync()
    {
        var pfx = Path.Combine(_folder, "server.pfx");
        await File.WriteAllBytesAsync(pfx, _server.Export(X509ContentType.Pkcs12, "test-password"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAdapterCore(HubAddresses.InMemory);
        services.Configure<AdapterOptions>(o => o.Agency = "probation");
        services.Configure<HttpIngestOptions>(o =>
        {
            o.Enabled = true;
            o.Urls = $"https://127.0.0.1:{FreePort()}";
            o.ServerCertificatePath = pfx;
            o.ServerCertificatePassword = "test-password";
            o.ClientCertificateThumbprints.Add(_pinned.Thumbprint);
        });
        services.AddSourceCore();
        services.AddSingleton<IRecordMapper<HttpIngestRecord>, ContractShapeMapper>();
        services.AddSingleton<HttpIngestAuthenticator>();
        services.AddMassTransitTestHarness(bus => bus.UsingInMemory((_, _) => { }));
        var worker = services.BuildServiceProvider(validateScopes: true);
        new HttpIngestOptionsValidator().Validate(null, worker.GetRequiredService<IOptions<HttpIngestOptions>>().Value).Succeeded.ShouldBeTrue();
        await worker.GetRequiredService<ITestHarness>().Start();
        return worker;
    }

    private static async Task<RunningServer> StartServerAsync(ServiceProvider worker)
    {
        var options = worker.GetRequiredService<IOptions<HttpIngestOptions>>();
        var server = new HttpIngestServer(worker, options);
        await server.StartAsync(CancellationToken.None);
        return new RunningServer(server, new Uri(options.Value.Urls));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSigned(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], critical: false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class RunningServer(HttpIngestServer server, Uri url) : IAsyncDisposable
    {
        public Uri Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await server.StopAsync(CancellationToken.None);
            await server.DisposeAsync();
        }
    }
}
