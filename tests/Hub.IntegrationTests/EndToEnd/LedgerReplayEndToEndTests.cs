using System.Security.Cryptography;
using System.Text.Json;
using Hub.Cli.Embedded;
using Hub.Contracts.Agencies;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Ledger;

namespace Hub.IntegrationTests.EndToEnd;

/// <summary>
/// On a Postgres ledger the router wrote (real RabbitMQ, sample agreements, AS-09 opt-in): <c>hub audit subject</c>
/// refuses a key the ledger was not written under, naming both key ids; <c>hub rules replay</c> decides the recorded
/// traffic again, the consent-based shares included (their consent read from the Postgres registry at the recorded
/// time), unchanged under the agreements in force, and shows what a draft without the opt-in agreement would change.
/// </summary>
[Collection(ServersGroup.Name)]
public class LedgerReplayEndToEndTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Nino = "JY975310A"; // the embedded AS-09 person (ConsentScenario)
    private readonly string _scratch = Directory.CreateTempSubdirectory("agencyhub-it-replay-").FullName;
    private SampleHub _hub = null!;

    public async Task InitializeAsync() => _hub = await SampleHub.StartAsync(servers);

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task When_auditing_and_replaying_a_postgres_ledger_should_refuse_a_foreign_key_and_replay_the_recorded_decisions()
    {
        var started = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var consent = "C-IT-REPLAY-" + Guid.NewGuid().ToString("N")[..6];
        await _hub.DecideAsync(AgencyCode.Probation, ConsentScenario.OptIn(consent, TimeProvider.System.GetUtcNow()));
        var release = await _hub.DecideAsync(AgencyCode.Probation, ConsentScenario.Release(consent, TimeProvider.System.GetUtcNow()));
        release.Single(r => r.Recipient == "police").Footing.ShouldBe("consent");

        var foreignKey = Path.Combine(_scratch, "foreign.key");
        var foreign = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(foreignKey, foreign);
        var refused = await HubCli.RunAsync("audit", "subject", "--nino", Nino, "--postgres", _hub.Ledger, "--subject-key-file", foreignKey);
        refused.ExitCode.ShouldBe(3, refused.Errors);
        refused.Output.ShouldBeEmpty();
        refused.Errors.ShouldContain($"the ledger's rows were written under subject key id {SubjectKeyIds.OfBase64(_hub.SubjectKey)}; the key given has id {SubjectKeyIds.OfBase64(foreign)}");
        using (var report = await SubjectReportProcess.RunAsync(_hub.Ledger, _hub.SubjectKey, "--nino", Nino))
        {
            report.RootElement.GetProperty("decisions").GetArrayLength().ShouldBe(8);
        }

        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
        var since = started.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var same = await ReplayAsync(samples, since);
        same.RootElement.GetProperty("decisions").GetInt32().ShouldBe(8);
        same.RootElement.GetProperty("unchanged").GetInt32().ShouldBe(8, same.RootElement.GetRawText());

        var draft = Directory.CreateDirectory(Path.Combine(_scratch, "draft")).FullName;
        foreach (var file in Directory.GetFiles(samples, "*.yaml").Where(f => !Path.GetFileName(f).StartsWith("dsa-009", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(draft, Path.GetFileName(file)));
        }

        using var without = await ReplayAsync(draft, since);
        var police = without.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("recipient").GetString() == "police");
        police.GetProperty("eventType").GetString().ShouldBe("custody.release.scheduled");
        police.GetProperty("fieldsRemoved").EnumerateArray().Select(f => f.GetString()).ShouldContain("leadProfessional", "the opt-in field left only on the DSA-009 consent");
        without.RootElement.GetRawText().ShouldNotContain(Nino);
    }

    private async Task<JsonDocument> ReplayAsync(string draft, string since)
    {
        var (exitCode, output, errors) = await HubCli.RunAsync("rules", "replay", "--draft", draft, "--since", since, "--postgres", _hub.Ledger, "--json");
        exitCode.ShouldBe(0, errors);
        return JsonDocument.Parse(output);
    }
}
