using Hub.Adapters.Core.Sources.Http;

namespace Hub.Adapters.Core.Tests.Sources.Http;

public sealed class HttpIngestOptionsValidatorTests
{
    private const string Key = "key-0123456789abcdef0123456789abcdef";

    [Fact]
    public void When_enabled_with_nobody_able_to_call_it_should_say_so()
    {
        Failures(new HttpIngestOptions { Enabled = true }).ShouldContain(f => f.Contains("neither ApiKeys nor ClientCertificateThumbprints", StringComparison.Ordinal));
    }

    [Fact]
    public void When_an_api_key_is_short_should_name_it_and_never_quote_it()
    {
        var failures = Failures(new HttpIngestOptions { Enabled = true, ApiKeys = { ["case-system"] = "short-secret" } });

        failures.ShouldContain(f => f.Contains("ApiKeys:case-system", StringComparison.Ordinal));
        failures.ShouldAllBe(f => !f.Contains("short-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void When_https_has_no_server_certificate_should_name_the_setting()
    {
        Failures(new HttpIngestOptions { Enabled = true, Urls = "https://0.0.0.0:8443", ApiKeys = { ["a"] = Key } })
            .ShouldContain(f => f.Contains("ServerCertificatePath is required", StringComparison.Ordinal));
    }

    [Fact]
    public void When_client_certificates_are_pinned_on_plain_http_should_refuse()
    {
        Failures(new HttpIngestOptions { Enabled = true, ClientCertificateThumbprints = { new string('A', 40) } })
            .ShouldContain(f => f.Contains("need an https URL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://+:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://10.1.2.3:8080")]
    [InlineData("https://0.0.0.0:8443;http://ingest.probation.example:8080")]
    public void When_plain_http_listens_beyond_loopback_should_refuse_to_start_naming_the_url_and_both_ways_out(string urls)
    {
        var failure = Failures(new HttpIngestOptions { Enabled = true, Urls = urls, ApiKeys = { ["a"] = Key }, ServerCertificatePath = typeof(HttpIngestOptionsValidatorTests).Assembly.Location })
            .ShouldHaveSingleItem();

        failure.ShouldStartWith("Adapter:Sources:Http:Urls takes plain http beyond loopback (http://");
        failure.ShouldContain("ServerCertificatePath");
        failure.ShouldContain("AllowPlainHttpBehindTlsProxy=true");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.0.0.1:8080;http://[::1]:8080")]
    public void When_plain_http_listens_on_loopback_only_should_start(string urls) =>
        Failures(new HttpIngestOptions { Enabled = true, Urls = urls, ApiKeys = { ["a"] = Key } }).ShouldBeEmpty();

    [Fact]
    public void When_plain_http_beyond_loopback_is_declared_behind_a_tls_proxy_should_start() =>
        Failures(new HttpIngestOptions { Enabled = true, Urls = "http://+:8080", AllowPlainHttpBehindTlsProxy = true, ApiKeys = { ["a"] = Key } }).ShouldBeEmpty();

    [Fact]
    public void When_https_listens_beyond_loopback_with_a_certificate_should_start() =>
        Failures(new HttpIngestOptions { Enabled = true, Urls = "https://0.0.0.0:8443", ServerCertificatePath = typeof(HttpIngestOptionsValidatorTests).Assembly.Location, ApiKeys = { ["a"] = Key } }).ShouldBeEmpty();

    [Fact]
    public void When_a_sha256_pin_is_malformed_should_name_its_index()
    {
        Failures(new HttpIngestOptions { Enabled = true, Urls = "https://127.0.0.1:8443", ServerCertificatePath = typeof(HttpIngestOptionsValidatorTests).Assembly.Location, ClientCertificateSha256 = { "AB:CD" } })
            .ShouldContain("Adapter:Sources:Http:ClientCertificateSha256:0 must be a 64-digit hex SHA-256 digest (colons allowed).");
    }

    [Fact]
    public void When_a_client_ca_file_is_missing_should_name_the_setting()
    {
        Failures(new HttpIngestOptions { Enabled = true, Urls = "https://127.0.0.1:8443", ServerCertificatePath = typeof(HttpIngestOptionsValidatorTests).Assembly.Location, ClientCertificateSha256 = { new string('a', 64) }, ClientCertificateCaFile = "absent-ca.pem" })
            .ShouldContain("Adapter:Sources:Http:ClientCertificateCaFile names a file that does not exist.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2 * 1024 * 1024)]
    public void When_the_body_limit_is_not_positive_or_above_the_brokers_cap_should_refuse(long maxBodyBytes)
    {
        Failures(new HttpIngestOptions { Enabled = true, ApiKeys = { ["a"] = Key }, MaxBodyBytes = maxBodyBytes })
            .ShouldContain(f => f.Contains("MaxBodyBytes must be between 1 and 1048576", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Failures(HttpIngestOptions options) =>
        new HttpIngestOptionsValidator().Validate(null, options).Failures ?? [];
}
