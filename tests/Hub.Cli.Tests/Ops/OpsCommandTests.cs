namespace Hub.Cli.Tests.Ops;

/// <summary><c>hub ops</c> refuses unsafe or incomplete requests before it touches the broker or the ledger.</summary>
public class OpsCommandTests
{
    [Fact]
    public async Task When_payload_is_asked_for_without_a_reason_should_refuse()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("ops", "dlq", "show", Guid.NewGuid().ToString(), "--payload");

        exitCode.ShouldBe(2);
        errors.ShouldContain("--payload needs --reason");
    }

    [Fact]
    public async Task When_purge_is_not_confirmed_should_refuse()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("ops", "dlq", "purge", "--queue", "hub.ingress.probation_error", "--reason", "INC-1");

        exitCode.ShouldBe(2);
        errors.ShouldContain("add --confirm");
    }

    [Fact]
    public async Task When_a_queue_is_not_a_dead_letter_queue_should_refuse_it()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("ops", "dlq", "list", "--queue", "hub.delivery.police");

        exitCode.ShouldBe(2);
        errors.ShouldContain("is not a hub dead-letter queue");
    }

    [Fact]
    public async Task When_a_cluster_node_is_not_host_or_host_and_port_should_say_which_and_why()
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENCYHUB_Broker__Password"] = "not-a-real-password-0f3a",
            ["AGENCYHUB_Broker__Hosts__0"] = "rabbit-1:5672",
            ["AGENCYHUB_Broker__Hosts__1"] = "rabbit-2:amqp",
        };

        var (exitCode, _, errors) = await HubProcess.RunAsync(environment, "ops", "dlq", "list");

        exitCode.ShouldBe(2);
        errors.ShouldContain("Broker:Hosts:1 has a port that is not a number from 1 to 65535 (set by AGENCYHUB_Broker__Hosts__N).");
    }

    [Fact]
    public async Task When_no_broker_password_is_set_should_name_the_variable()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("ops", "dlq", "list");

        exitCode.ShouldBe(2);
        errors.ShouldContain("AGENCYHUB_Broker__Password");
    }

    [Fact]
    public async Task When_replay_gets_both_an_id_and_all_should_refuse()
    {
        var (exitCode, _, errors) = await HubProcess.RunAsync("ops", "dlq", "replay", Guid.NewGuid().ToString(), "--all");

        exitCode.ShouldBe(2);
        errors.ShouldContain("not both");
    }

    [Fact]
    public async Task When_the_demo_ledger_is_traced_without_a_broker_should_print_the_events_decisions()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agencyhub-ops-" + Guid.NewGuid().ToString("N")[..8]);
        var ledger = Path.Combine(folder, "ledger.db");
        (await HubProcess.RunAsync("demo", "--ledger", ledger, "--agreements", Path.Combine(AppContext.BaseDirectory, "samples", "agreements"))).ExitCode.ShouldBe(0);
        var eventId = await FirstDecidedEventAsync(ledger);

        var (exitCode, output, errors) = await HubProcess.RunAsync("ops", "trace", eventId, "--sqlite", ledger, "--no-broker");

        exitCode.ShouldBe(0, errors);
        output.ShouldContain($"event {eventId}: ");
        output.ShouldContain("decision for ");
        output.ShouldContain("broker: not checked (--no-broker)");
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> FirstDecidedEventAsync(string ledger)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={ledger};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM ledger_entries WHERE kind = 'decision' AND outcome = 'allowed' ORDER BY seq LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
