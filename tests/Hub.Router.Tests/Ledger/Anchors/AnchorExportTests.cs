using System.Security.Cryptography;
using Hub.Contracts.Signing;
using Hub.Router.Configuration;
using Hub.Router.Ledger.Anchors;
using Hub.Router.Ledger.Chain;
using Hub.Router.Tests.Ledger.Chain;
using Hub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hub.Router.Tests.Ledger.Anchors;

/// <summary>The sealing service sends each new seal's signed chain head to the configured sinks (docs/adr/0022).</summary>
public sealed class AnchorExportTests : IDisposable
{
    private readonly SqliteChainLedger _ledger = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-anchor-").FullName;

    [Fact]
    public async Task When_the_sealing_service_seals_should_append_one_signed_anchor_per_seal_that_verifies_against_the_seals()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var file = Path.Combine(_folder, "anchors.jsonl");
        var exporter = new LedgerAnchorExporter(_ledger.Chain, new LedgerAnchorSigner(new MessageSigner(ECDsa.Create(key.ExportParameters(true)))), [new FileAnchorSink(file)], TimeProvider.System);
        var service = new LedgerSealingService(_ledger.Sealer, Options.Create(new LedgerIntegrityOptions { SealInterval = TimeSpan.FromMilliseconds(20) }), TimeProvider.System, NullLogger<LedgerSealingService>.Instance, [exporter]);
        await _ledger.Store.InitializeAsync(CancellationToken.None);
        await _ledger.AppendAsync(12);

        await service.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(file) ? File.ReadAllLines(file).Length : 0), lines => lines >= 3, "an anchor for each of the three seals");
        await service.StopAsync(CancellationToken.None);

        var (anchors, problem) = await LedgerAnchorFile.ReadAsync(file, CancellationToken.None);
        problem.ShouldBeNull();
        anchors.Select(a => a.SealNumber).ShouldBe([1L, 2L, 3L]);
        anchors.ShouldAllBe(a => LedgerAnchorSigner.Verify(a, new VerificationKeys(new[] { key })) == SignatureCheck.Valid);
        (await LedgerAnchorCheck.CheckAsync(anchors, [key], _ledger.Chain, CancellationToken.None)).IsConsistent.ShouldBeTrue();
    }

    [Fact]
    public void When_a_sink_is_set_without_a_signing_key_should_refuse_to_start_naming_the_setting()
    {
        var services = Configure(new() { ["Ledger:Anchor:File"] = Path.Combine(_folder, "anchors.jsonl") });

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<LedgerAnchorOptions>>().Value);
        failure.Message.ShouldContain("Ledger:Anchor:SigningKeyFile");
    }

    [Fact]
    public void When_the_webhook_is_plain_http_off_loopback_should_refuse_it()
    {
        var keyFile = Path.Combine(_folder, "anchor.key");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        var services = Configure(new() { ["Ledger:Anchor:SigningKeyFile"] = keyFile, ["Ledger:Anchor:WebhookUrl"] = "http://anchors.example.org/seal" });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<LedgerAnchorOptions>>().Value).Message.ShouldContain("https");
    }

    [Fact]
    public void When_no_sink_is_set_should_register_no_exporter()
    {
        Configure([]).GetServices<LedgerAnchorExporter>().ShouldBeEmpty();
    }

    public void Dispose()
    {
        _ledger.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ServiceProvider Configure(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLedgerAnchors(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
}
