using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Configuration;

/// <summary>
/// Broker client certificates and pins are checked at start-up with one line naming the setting, not at the first
/// connection; a certificate identity needs no password but must be the configured user.
/// </summary>
public sealed class BrokerTlsOptionsCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-broker-tls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void When_the_certificate_is_the_identity_should_start_without_a_password()
    {
        var (certificate, key) = WriteCertificate("hub-router", "router");
        var settings = Tls(certificate, key);
        settings["Broker:Tls:UseCertificateIdentity"] = "true";
        settings["Broker:Password"] = null;

        Resolve(settings).Password.ShouldBeNull();
    }

    [Fact]
    public void When_a_client_certificate_is_presented_with_a_password_should_start()
    {
        var (certificate, key) = WriteCertificate("hub-router", "router");

        Resolve(Tls(certificate, key)).Tls.ClientCertificateFile.ShouldBe(certificate);
    }

    [Fact]
    public void When_no_password_and_no_certificate_identity_should_refuse_naming_the_password() =>
        Refusal(new() { ["Broker:Password"] = null }).ShouldContain(BrokerOptionsCheck.PasswordRequired);

    [Fact]
    public void When_the_certificate_file_is_missing_should_refuse_naming_it()
    {
        var (_, key) = WriteCertificate("hub-router", "router");

        Refusal(Tls(Path.Combine(_folder, "absent.pem"), key)).ShouldContain("Broker:Tls:ClientCertificateFile does not name a readable file.");
    }

    [Fact]
    public void When_the_key_file_is_missing_should_refuse_naming_it()
    {
        var (certificate, _) = WriteCertificate("hub-router", "router");

        Refusal(Tls(certificate, Path.Combine(_folder, "absent.key"))).ShouldContain("Broker:Tls:ClientKeyFile does not name a readable file.");
    }

    [Fact]
    public void When_only_the_certificate_is_given_should_refuse_naming_both_settings()
    {
        var (certificate, _) = WriteCertificate("hub-router", "router");
        var settings = Tls(certificate, key: null);

        Refusal(settings).ShouldContain("Broker:Tls:ClientCertificateFile and Broker:Tls:ClientKeyFile go together");
    }

    [Fact]
    public void When_the_key_belongs_to_another_certificate_should_refuse_saying_so()
    {
        var (certificate, _) = WriteCertificate("hub-router", "router");
        var (_, otherKey) = WriteCertificate("hub-router", "other");

        Refusal(Tls(certificate, otherKey)).ShouldContain("Broker:Tls:ClientKeyFile does not hold the unencrypted PEM private key of the certificate");
    }

    [Fact]
    public void When_the_certificate_names_another_user_than_the_configured_one_should_refuse_the_identity()
    {
        var (certificate, key) = WriteCertificate("adapter-police", "police");
        var settings = Tls(certificate, key);
        settings["Broker:Tls:UseCertificateIdentity"] = "true";

        Refusal(settings).ShouldContain("logs in as the client certificate's common name, which is not Broker:Username");
    }

    [Fact]
    public void When_certificate_identity_is_asked_without_a_certificate_should_refuse_naming_the_files() =>
        Refusal(new() { ["Broker:Tls:Enabled"] = "true", ["Broker:Tls:UseCertificateIdentity"] = "true" })
            .ShouldContain("Broker:Tls:UseCertificateIdentity needs Broker:Tls:ClientCertificateFile and Broker:Tls:ClientKeyFile.");

    [Fact]
    public void When_certificate_settings_are_given_with_tls_off_should_refuse_rather_than_ignore_them()
    {
        var (certificate, key) = WriteCertificate("hub-router", "router");
        var settings = Tls(certificate, key);
        settings["Broker:Tls:Enabled"] = "false";

        Refusal(settings).ShouldContain("need Broker:Tls:Enabled=true");
    }

    [Theory]
    [InlineData("not-a-digest")]
    [InlineData("AB:CD")]
    public void When_a_pin_is_not_a_sha256_digest_should_refuse_naming_the_setting(string pin) =>
        Refusal(new() { ["Broker:Tls:Enabled"] = "true", ["Broker:Tls:PinnedServerCertificateSha256:0"] = pin })
            .ShouldContain("Broker:Tls:PinnedServerCertificateSha256 holds an entry that is not a hex SHA-256 digest");

    [Fact]
    public void When_pins_are_written_with_colons_and_lower_case_should_read_them_as_the_same_digest()
    {
        var (certificate, _) = WriteCertificate("hub-router", "router");
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(certificate);
        var pin = BrokerCertificateValidator.PinOf(collection[0]);
        var colons = string.Join(':', pin.Chunk(2).Select(c => new string(c))).ToLowerInvariant();

        BrokerCertificateValidator.NormalisePin(colons).ShouldBe(pin);
        pin.Length.ShouldBe(64);
    }

    private static Dictionary<string, string?> Tls(string certificate, string? key) => new()
    {
        ["Broker:Tls:Enabled"] = "true",
        ["Broker:Tls:ClientCertificateFile"] = certificate,
        ["Broker:Tls:ClientKeyFile"] = key,
    };

    private static BrokerOptions Resolve(Dictionary<string, string?> settings) =>
        Provider(settings).GetRequiredService<IOptions<BrokerOptions>>().Value;

    private static string Refusal(Dictionary<string, string?> settings) =>
        Should.Throw<OptionsValidationException>(() => Resolve(settings)).Message;

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?> { ["Broker:Username"] = "hub-router", ["Broker:Password"] = "not-a-real-password" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        return new ServiceCollection().AddBrokerOptions(configuration).BuildServiceProvider();
    }

    private (string Certificate, string Key) WriteCertificate(string commonName, string file)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var stem = Path.Combine(_folder, file);
        File.WriteAllText(stem + ".pem", certificate.ExportCertificatePem());
        File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return (stem + ".pem", stem + ".key");
    }
}
