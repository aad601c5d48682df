using System.Text.Json;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Police.Hosting;
using Hub.Adapters.Probation.Hosting;
using Hub.Contracts;
using Hub.IntegrationTests.Infrastructure;

namespace Hub.IntegrationTests.Workers;

/// <summary>
/// The probation and police workers as their READMEs run them, on the sample agreements: probation reads every
/// sample file of samples/probation from its drop folder and publishes the valid rows (quarantining the rest with
/// field-named reasons); the router registers the consents and shares the release notices; the police worker's
/// drop-folder sink writes each delivery with its IOM nominal update beside the payload.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class ProbationPoliceWorkersTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly Dictionary<string, (int Rows, int Quarantined)> Samples = new()
    {
        ["release-list.csv"] = (3, 1),
        ["oasys-assessments.json"] = (3, 1),
        ["case-transfers.csv"] = (2, 1),
        ["consents.csv"] = (7, 3),
        ["leaving-care-referrals.csv"] = (3, 1),
    };

    private BrokerClient _admin = null!;
    private string _ledger = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        await _admin.PurgeHubQueuesAsync();
        _ledger = await servers.CreateDatabaseAsync();
        _root = Directory.CreateTempSubdirectory("agencyhub-it-workers-").FullName;
    }

    public async Task DisposeAsync() => await _admin.DisposeAsync();

    [Fact]
    public async Task When_the_probation_samples_are_dropped_should_publish_valid_rows_and_the_police_sink_should_write_iom_records()
    {
        var agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        var outbox = Path.Combine(_root, "police-outbox");
        var layout = new DropFolderLayout(Path.Combine(_root, "probation-drop"));
        await using var router = await RouterUnderTest.StartAsync(servers.Broker, _ledger, agreements);
        await using var police = await WorkerHost.StartAsync(servers.Broker, "police", new Dictionary<string, string?>
        {
            ["Adapter:Sink:Kind"] = "DropFolder",
            ["Adapter:Sink:DropFolder:Path"] = outbox,
        }, b => b.AddPoliceAdapter());
        await using var probation = await WorkerHost.StartAsync(servers.Broker, "probation", new Dictionary<string, string?>
        {
            ["Adapter:Sources:DropFolder:Enabled"] = "true",
            ["Adapter:Sources:DropFolder:Path"] = layout.Root,
            ["Adapter:Sources:DropFolder:PollInterval"] = "00:00:00.200",
            ["Adapter:Sources:DropFolder:SettleTime"] = "00:00:00",
        }, b => b.AddProbationAdapter());

        foreach (var file in Samples.Keys)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "probation", file), Path.Combine(layout.Inbox, file));
        }

        foreach (var (file, (rows, quarantined)) in Samples)
        {
            await Eventually.UntilAsync(() => File.Exists(layout.Report(file)), done => done, $"the report of {file}", TimeSpan.FromSeconds(90));
            var report = JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(layout.Report(file)), ContractJson.Options)!;
            report.Rows.ShouldBe(rows, file);
            report.Published.ShouldBe(rows - quarantined, file);
            report.Quarantined.Count.ShouldBe(quarantined, file);
            report.Quarantined.SelectMany(q => q.Reasons).ShouldAllBe(r => !r.Contains("2020/0345678X") && !r.Contains("2004/0001744X"));
        }

        await Eventually.UntilAsync(() => ConsentQueries.IsRegisteredAsync(_ledger, "C-PRB-0731-CLAIM"), done => done, "the claim consent in the registry");
        await Eventually.UntilAsync(() => ConsentQueries.IsRegisteredAsync(_ledger, "C-LEW-OPTIN-0812"), done => done, "the agreement-scoped consent in the registry");

        var releases = await Eventually.UntilAsync(() => ReleaseDocumentsAsync(outbox), d => d.Count >= 2, "the release notice and its amendment in the police outbox");
        releases.Select(d => d.GetProperty("eventType").GetString()).ShouldBe(["custody.release.amended", "custody.release.scheduled"], ignoreOrder: true);
        foreach (var root in releases)
        {
            root.GetProperty("source").GetString().ShouldBe("probation");
            root.GetProperty("recordType").GetString().ShouldBe("IomNominalUpdate");
            root.GetProperty("record").GetProperty("pncId").GetString().ShouldBe("2019/0123456E");
            root.GetProperty("payload").GetProperty("subject").GetProperty("pncId").GetString().ShouldBe("2019/0123456E");
        }
    }

    /// <summary>The release deliveries in the outbox (other deliveries and recall notices may be there too).</summary>
    private static async Task<List<JsonElement>> ReleaseDocumentsAsync(string outbox)
    {
        var found = new List<JsonElement>();
        foreach (var path in Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.json") : [])
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            if (document.RootElement.TryGetProperty("eventType", out var type) && type.GetString()!.StartsWith("custody.release.", StringComparison.Ordinal))
            {
                found.Add(document.RootElement.Clone());
            }
        }

        return found;
    }
}
