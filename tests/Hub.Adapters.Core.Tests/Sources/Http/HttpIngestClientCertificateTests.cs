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

    [Fact]
    public async Task When_the_caller_presents_a_certificate_pinned_by_sha256_should_accept_it_and_refuse_another()
    {
        await using var worker = await StartWorkerAsync(o => o.ClientCertificateSha256.Add(Sha256(_pinned)));
        await using var server = await StartServerAsync(worker);

        using (var pinned = await PostAsync(server.Url, _pinned))
        {
            pinned.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        using (var stranger = await PostAsync(server.Url, _stranger))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task When_a_pinned_certificate_must_chain_to_the_agencys_ca_should_accept_it_only_from_that_ca()
    {
        using var agencyCa = CertificateAuthority("CN=Probation test CA");
        using var issued = Issue(agencyCa, "CN=probation-case-system");
        using var otherCa = CertificateAuthority("CN=Some other CA");
        var agencyCaFile = Path.Combine(_folder, "agency-ca.pem");
        var otherCaFile = Path.Combine(_folder, "other-ca.pem");
        await File.WriteAllTextAsync(agencyCaFile, agencyCa.ExportCertificatePem());
        await File.WriteAllTextAsync(otherCaFile, otherCa.ExportCertificatePem());

        await using (var worker = await StartWorkerAsync(o => { o.ClientCertificateSha256.Add(Sha256(issued)); o.ClientCertificateCaFile = agencyCaFile; }))
        await using (var server = await StartServerAsync(worker))
        using (var fromItsCa = await PostAsync(server.Url, issued))
        {
            fromItsCa.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        // The same pinned certificate, but the configured CA did not issue it: the pin alone is not enough.
        await using (var worker = await StartWorkerAsync(o => { o.ClientCertificateSha256.Add(Sha256(issued)); o.ClientCertificateCaFile = otherCaFile; }))
        await using (var server = await StartServerAsync(worker))
        using (var fromAnotherCa = await PostAsync(server.Url, issued))
        {
            fromAnotherCa.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task When_https_uses_a_pem_certificate_and_key_should_accept_an_api_key_caller_over_tls()
    {
        var certificate = Path.Combine(_folder, "server.pem");
        var key = Path.Combine(_folder, "server.key");
        await File.WriteAllTextAsync(certificate, _server.ExportCertificatePem());
        await File.WriteAllTextAsync(key, _server.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        await using var worker = await StartWorkerAsync(o =>
        {
            o.ServerCertificatePath = certificate;
            o.ServerKeyPath = key;
            o.ServerCertificatePassword = null;
            o.ClientCertificateThumbprints.Clear();
            o.ApiKeys["case-system"] = ApiKey;
        });
        await using var server = await StartServerAsync(worker);

        using var response = await PostAsync(server.Url, null, ApiKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private const string ApiKey = "key-0123456789abcdef0123456789abcdef";

    private static string Sha256(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static X509Certificate2 CertificateAuthority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ca.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var issued = request.Create(ca, TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddHours(12), [7, 7, 7, 7]);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, X509Certificate2? clientCertificate, string? apiKey = null)
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
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/events/custody.release.scheduled")) { Content = body };
        if (apiKey is not null)
        {
            request.Headers.Add(HttpIngestAuthenticator.ApiKeyHeader, apiKey);
        }

        return await client.SendAsync(request);
    }

    private async Task<ServiceProvider> StartWorkerAsync(Action<HttpIngestOptions>? configure = null)
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
            configure?.Invoke(o);
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
