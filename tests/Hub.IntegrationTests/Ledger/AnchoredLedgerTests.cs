using System.Security.Cryptography;
using Hub.Contracts.Signing;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;
using Hub.Router.Ledger.Anchors;
using Hub.Router.Ledger.Chain;
using Hub.Router.Ledger.Postgres;
using Npgsql;

namespace Hub.IntegrationTests.Ledger;

/// <summary>
/// A superuser who rewrites a sealed row and then recomputes every later seal consistently defeats the chain check
/// alone; the signed anchors the router sent outside the database do not agree, and name the first rewritten seal
/// (docs/adr/0022). Layout: 16 rows, seals 1 (1..5), 2 (6..10), 3 (11..15), 4 (16).
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class AnchoredLedgerTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-anchors-").FullName;
    private LedgerDatabase _database = null!;
    private ECDsa _key = null!;
    private string AnchorFile => Path.Combine(_folder, "anchors.jsonl");
    private string PublicKeyFile => Path.Combine(_folder, "anchor.pub");

    public async Task InitializeAsync()
    {
        _database = await LedgerDatabase.CreateAsync(servers);
        var store = await _database.RuntimeStoreAsync();
        for (var i = 0; i < 4; i++)
        {
            await store.RecordDecisionsAsync(LedgerBatches.Release(At), CancellationToken.None);
        }

        (await _database.Sealer(store, batchSize: 5).SealAsync(CancellationToken.None)).Seals.ShouldBe(4);
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(PublicKeyFile, _key.ExportSubjectPublicKeyInfoPem());
        var exporter = new LedgerAnchorExporter(new PostgresChainStore(_database.RuntimeSource), new LedgerAnchorSigner(new MessageSigner(ECDsa.Create(_key.ExportParameters(true)))), [new FileAnchorSink(AnchorFile)], TimeProvider.System);
        (await exporter.ExportAsync(CancellationToken.None)).ShouldBe(4);
        (await exporter.ExportAsync(CancellationToken.None)).ShouldBe(0, "the ledger records how far the sink has got");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task When_untouched_should_agree_with_every_anchor()
    {
        var result = await CheckAsync();

        result.IsConsistent.ShouldBeTrue(result.Detail);
        (result.AnchorsChecked, result.SealsAfterLastAnchor).ShouldBe((4, 0L));
    }

    [Fact]
    public async Task When_a_superuser_rewrites_a_row_and_rechains_should_pass_the_chain_check_but_diverge_from_the_anchors_at_that_seal()
    {
        await _database.AsAdminAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 13");
        await RechainFromAsync(3);

        var chain = await _database.Verifier().VerifyAsync(CancellationToken.None);
        chain.IsIntact.ShouldBeTrue("a consistent rewrite is invisible to the chain alone: " + chain.Break);
        var anchored = await CheckAsync();
        anchored.DivergentSeal.ShouldBe(3);
        anchored.AnchorsChecked.ShouldBe(2);
        anchored.Detail.ShouldNotBeNull().ShouldContain("the ledger was rewritten from this seal on");
    }

    [Fact]
    public async Task When_run_as_the_command_should_exit_0_without_anchors_and_1_with_them_after_a_rewrite()
    {
        await _database.AsAdminAsync("UPDATE ledger_entries SET recipient = 'nhs' WHERE seq = 16");
        await RechainFromAsync(4);

        var (plainExit, plainOutput, plainErrors) = await HubCli.RunAsync("audit", "verify", "--postgres", _database.Runtime);
        var (exit, output, errors) = await HubCli.RunAsync("audit", "verify", "--postgres", _database.Runtime, "--anchors", AnchorFile, "--anchor-key", PublicKeyFile);

        plainExit.ShouldBe(0, plainErrors);
        plainOutput.ShouldContain("Ledger OK");
        exit.ShouldBe(1, output + errors);
        output.ShouldContain("Anchors DIVERGE at seal 4");
        output.ShouldContain("3 anchor(s) before it agree");
    }

    [Fact]
    public async Task When_an_anchor_is_edited_or_signed_by_another_key_should_say_so_naming_the_seal()
    {
        var lines = await File.ReadAllLinesAsync(AnchorFile);
        var forged = lines[1].Replace("\"chainHash\":\"", "\"chainHash\":\"0", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(AnchorFile, [lines[0], forged, .. lines[2..]]);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var edited = await CheckAsync();
        var unknownKey = await LedgerAnchorCheck.CheckAsync((await LedgerAnchorFile.ReadAsync(AnchorFile, CancellationToken.None)).Anchors, [stranger], new PostgresChainStore(_database.RuntimeSource), CancellationToken.None);

        (edited.DivergentSeal, edited.Detail).ShouldBe((2L, "the anchor of seal 2 has a signature that does not verify: the anchor itself was altered"));
        unknownKey.DivergentSeal.ShouldBe(1);
        unknownKey.Detail.ShouldNotBeNull().ShouldContain("not among the keys given");
    }

    private async Task<AnchorVerification> CheckAsync()
    {
        var (anchors, problem) = await LedgerAnchorFile.ReadAsync(AnchorFile, CancellationToken.None);
        problem.ShouldBeNull();
        return await LedgerAnchorCheck.CheckAsync(anchors, [_key], new PostgresChainStore(_database.RuntimeSource), CancellationToken.None);
    }

    /// <summary>What an attacker with full rights does after editing: recompute every seal from <paramref name="first"/> on, keeping their numbers and times.</summary>
    private async Task RechainFromAsync(long first)
    {
        var rows = new PostgresLedgerStore(_database.AdminSource);
        var chain = new PostgresChainStore(_database.AdminSource);
        var previous = (await chain.ReadSealAsync(first - 1, CancellationToken.None))!.ChainHash;
        foreach (var seal in await chain.ReadSealsAsync(first - 1, 100, CancellationToken.None))
        {
            var sealRows = (await rows.ReadAsync(seal.FirstSequence - 1, 100, CancellationToken.None)).Where(r => r.Sequence <= seal.LastSequence).ToList();
            var rewritten = LedgerChain.Seal(seal.Number, previous, sealRows, seal.SealedAt);
            await using var update = _database.AdminSource.CreateCommand("UPDATE ledger_seals SET previous_hash = $1, chain_hash = $2, content_digest = $3 WHERE seal_no = $4");
            foreach (var value in new object[] { rewritten.PreviousHash, rewritten.ChainHash, rewritten.ContentDigest, seal.Number })
            {
                update.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await update.ExecuteNonQueryAsync();
            previous = rewritten.ChainHash;
        }
    }
}
