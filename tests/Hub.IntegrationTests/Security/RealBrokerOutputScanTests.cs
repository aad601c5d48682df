using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Cli.Commands.Ops;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Subjects;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Hub.ServiceDefaults.Metrics;
using Hub.Testing.Telemetry;

namespace Hub.IntegrationTests.Security;

/// <summary>
/// The PII scan on the real-broker path (docs/security.md): the router and the probation and police workers as their
/// own processes, logging at Debug, on real RabbitMQ and Postgres. A person's details go in valid and invalid, by every
/// way in: rows of a dropped file (one published, some quarantined, a file quarantined whole), HTTP ingest calls
/// (accepted, 422, 400, 413, 404, 401), and messages published straight to the broker that the router dead-letters
/// (forged, malformed, failing a check digit, a missing or mistyped field, an unknown type, oversized, a consent under
/// no agreement) or that police's worker dead-letters (unreadable, misaddressed). Then every output is scanned: both
/// workers' and the router's console, every header of every dead letter (not its body: that is the input, kept on
/// purpose for replay), the drop folder's result reports and the quarantine files' reasons (not the rows they keep for
/// correction), each process's <c>/metrics</c>, the ledger, and what <c>hub ops dlq list</c>, <c>hub ops trace</c>
/// and <c>hub audit verify</c> print. None may hold any of the person's details.
/// </summary>
[Collection(ServersGroup.Name)]
public sealed class RealBrokerOutputScanTests(ServersFixture servers)
{
    private const string ApiKey = "pii-scan-test-key-0123456789abcdefghijklmnop";
    private const int RouterDeadLetters = 7;
    private const int PoliceDeadLetters = 2;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Verbose enough that a value in any log line, the hub's or a library's, would be seen.</summary>
    private static readonly Dictionary<string, string> Verbose = new()
    {
        ["Logging__LogLevel__Default"] = "Debug",
        ["Logging__LogLevel__MassTransit"] = "Debug",
    };

    [Fact]
    public async Task When_personal_data_arrives_valid_and_invalid_by_every_way_in_should_appear_in_no_output()
    {
        var routerPort = FreePort();
        await using var hub = await WorkerHub.StartAsync(servers, With(Verbose, ("Health__Urls", Url(routerPort)), ("Metrics__SampleInterval", "00:00:01")));
        var probationHealth = FreePort();
        var ingestPort = FreePort();
        var probation = await hub.StartAdapterAsync(hub.OnDisk(AgencyCode.Probation) with
        {
            Extra = With(
                Verbose,
                ("Health__Urls", Url(probationHealth)),
                ("Adapter__Sources__Http__Enabled", "true"),
                ("Adapter__Sources__Http__Urls", Url(ingestPort)),
                ("Adapter__Sources__Http__ApiKeys__case-system", ApiKey),
                ("Adapter__Sources__Http__MaxBodyBytes", "4096")),
        });
        var policeHealth = FreePort();
        var police = await hub.StartAdapterAsync(hub.OnDisk(AgencyCode.Police) with { Extra = With(Verbose, ("Health__Urls", Url(policeHealth))) });

        // In by the drop folder: valid rows, rows that fail mapping, a file that cannot be read at all.
        await hub.DropAsync(AgencyCode.Probation, "release-list-pii.csv", SeededPerson.ReleaseList());
        await hub.DropAsync(AgencyCode.Probation, "leaving-care-referrals-pii.csv", SeededPerson.LeavingCareReferrals());
        await hub.DropAsync(AgencyCode.Probation, "release-list-pii-unreadable.csv", SeededPerson.UnreadableReleaseList());

        // In by HTTP ingest.
        var accepted = await PostAsync(ingestPort, "custody.release.scheduled", JsonContent.Create(SeededPerson.ReleaseRecord("HMPFIC-PII-0101")));
        accepted.Status.ShouldBe(HttpStatusCode.Accepted, accepted.Body);
        var httpEventId = JsonDocument.Parse(accepted.Body).RootElement.GetProperty("eventId").GetGuid();
        var invalid = SeededPerson.ReleaseRecord("HMPFIC-PII-0102");
        (invalid["releaseDate"], invalid["pncId"], invalid["nino"]) = (SeededPerson.Name, SeededPerson.BadPnc, SeededPerson.DateOfBirth);
        (await PostAsync(ingestPort, "custody.release.scheduled", JsonContent.Create(invalid))).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PostAsync(ingestPort, "custody.release.scheduled", Text($"{{ not json: {SeededPerson.Name}, {SeededPerson.Address}, {SeededPerson.NhsNumber}"))).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(ingestPort, "custody.release.scheduled", Text(string.Concat(Enumerable.Repeat($"{SeededPerson.Name} {SeededPerson.Nino} {SeededPerson.Address} ", 200))))).Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await PostAsync(ingestPort, $"{SeededPerson.Nino}?dob={SeededPerson.DateOfBirth}&name={Uri.EscapeDataString(SeededPerson.Name)}", JsonContent.Create(invalid))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(ingestPort, $"custody.release.scheduled?nhs={SeededPerson.NhsNumber}", JsonContent.Create(invalid), apiKey: SeededPerson.Name)).Status.ShouldBe(HttpStatusCode.Unauthorized);

        // Straight to the broker, past the adapter, as a faulty or hostile client with probation's credentials would.
        var forged = Release(AgencyCode.Police);
        await using (var direct = await BrokerClient.ConnectAsync(servers.Broker, "adapter-probation"))
        {
            var submit = HubTopology.SubmitExchange(AgencyCode.Probation);
            await direct.PublishAsync(submit, MassTransitEnvelope.For(forged));
            await direct.PublishAsync(submit, Encoding.UTF8.GetBytes($"not json {{ {SeededPerson.Name}, {SeededPerson.Address}, {SeededPerson.Pnc}"));
            var release = Release();
            await direct.PublishAsync(submit, MassTransitEnvelope.For(release with { Envelope = release.Envelope with { Subject = release.Envelope.Subject! with { NhsNumber = SeededPerson.BadNhsNumber } } }));
            await direct.PublishAsync(submit, MassTransitEnvelope.For("urn:message:Hub.Contracts.Custody.V1:ReleaseScheduled", Json(Release(), n => n.Remove("releaseDate"))));
            await direct.PublishAsync(submit, MassTransitEnvelope.For("urn:message:Hub.Contracts.Custody.V1:ReleaseScheduled", Json(Release(), n => n["releaseDate"] = SeededPerson.DateOfBirth + " " + SeededPerson.Name)));
            await direct.PublishAsync(submit, MassTransitEnvelope.For(Release() with { AddressOnRelease = SeededPerson.Address + new string(' ', 300_000) + SeededPerson.Name }));
            await direct.PublishAsync(submit, MassTransitEnvelope.For(ConsentUnderNoAgreement()));
            await direct.PublishAsync(submit, MassTransitEnvelope.For($"urn:message:Exfiltrate:{SeededPerson.Nino}", Json(Release(), _ => { })));
        }

        // And at police's delivery exchange, with the router's credentials: a body it cannot read, a delivery for another agency.
        await using (var router = await BrokerClient.ConnectAsync(servers.Broker, "hub-router"))
        {
            var deliver = HubTopology.DeliverExchange(AgencyCode.Police);
            await router.PublishAsync(deliver, Encoding.UTF8.GetBytes($"{{\"message\": {{\"nhs\": \"{SeededPerson.NhsNumber}\", \"name\": \"{SeededPerson.Name}\""));
            await router.PublishAsync(deliver, MassTransitEnvelope.For("urn:message:Hub.Contracts.Delivery.V1:EventDelivered", MisaddressedDelivery()));
        }

        // Every outcome, polled for: the files' reports, the valid events at police's sink, each dead letter in its queue.
        var source = hub.Source(AgencyCode.Probation);
        string[] dropped = ["release-list-pii.csv", "leaving-care-referrals-pii.csv", "release-list-pii-unreadable.csv"];
        await hub.UntilAsync(() => dropped.All(f => File.Exists(source.Report(f))), done => done, "a result report for each dropped file");
        await hub.UntilAsync(() => hub.Sink(AgencyCode.Police).Documents(), d => d.Count >= 2, "the file's and the HTTP call's release notices at police's sink");
        await using var admin = await BrokerClient.ConnectAsync(servers.Broker, "hub-admin");
        var ingressErrors = HubTopology.ErrorQueue(HubTopology.IngressQueue(AgencyCode.Probation));
        var policeErrors = HubTopology.ErrorQueue(HubTopology.DeliveryQueue(AgencyCode.Police));
        await hub.UntilAsync(() => admin.DepthAsync(ingressErrors), n => n >= RouterDeadLetters, $"the router's {RouterDeadLetters} refusals in {ingressErrors}");
        await hub.UntilAsync(() => admin.DepthAsync(HubTopology.SkippedQueue(HubTopology.IngressQueue(AgencyCode.Probation))), n => n >= 1, "the unknown type in the skipped queue");
        await hub.UntilAsync(() => admin.DepthAsync(policeErrors), n => n >= PoliceDeadLetters, $"police's {PoliceDeadLetters} refusals in {policeErrors}");

        var texts = new List<(string Where, string? Text)>();

        // Each process's /metrics: every label value.
        foreach (var (name, port) in new[] { ("router", routerPort), ("probation", probationHealth), ("police", policeHealth) })
        {
            var metrics = await Http.GetStringAsync(new Uri(Url(port) + PrometheusScrapeEndpoint.Path));
            metrics.ShouldContain("agencyhub_", customMessage: $"{name} serves its metrics");
            texts.AddRange(Lines($"{name} /metrics", metrics));
        }

        // What an operator and an auditor are shown.
        var list = await OpsAsync("dlq", "list");
        list.ExitCode.ShouldBe(0, list.Errors);
        list.Output.ShouldContain($"{ingressErrors}: {RouterDeadLetters} message(s)");
        var trace = await OpsAsync("trace", httpEventId.ToString(), "--postgres", hub.Ledger);
        trace.ExitCode.ShouldBe(0, trace.Errors);
        trace.Output.ShouldContain("decision for police: ALLOWED");
        var forgedTrace = await OpsAsync("trace", forged.Envelope.EventId.ToString(), "--postgres", hub.Ledger);
        forgedTrace.ExitCode.ShouldBe(0, forgedTrace.Errors);
        var audit = await HubCli.RunAsync("audit", "verify", "--postgres", hub.Ledger);
        audit.ExitCode.ShouldBe(0, audit.Output + audit.Errors);
        foreach (var (name, run) in new[] { ("hub ops dlq list", list), ("hub ops trace (HTTP event)", trace), ("hub ops trace (forged event)", forgedTrace), ("hub audit verify", audit) })
        {
            texts.AddRange(Lines(name, run.Output));
            texts.AddRange(Lines(name + " stderr", run.Errors));
        }

        texts.AddRange(Lines("ledger row", await LedgerQueries.AllTextAsync(hub.Ledger)));

        // Every header of every dead letter, the MT-Fault-* and MT-Reason ones above all. Not the bodies: each is the input as it came.
        var deadLetters = 0;
        var kept = new List<(string Where, string? Text)>();
        foreach (var queue in DeadLetterQueues.For(AgencyCode.WellKnown))
        {
            foreach (var letter in await admin.DrainAsync(queue))
            {
                deadLetters++;
                kept.Add(($"{queue} message {letter.BasicProperties.MessageId} body", Encoding.UTF8.GetString(letter.Body.Span)));
                foreach (var header in letter.BasicProperties.Headers ?? new Dictionary<string, object?>())
                {
                    texts.Add(($"{queue} message {letter.BasicProperties.MessageId} header {header.Key}", $"{header.Key}={BrokerClient.Header(letter, header.Key)}"));
                }
            }
        }

        deadLetters.ShouldBe(RouterDeadLetters + 1 + PoliceDeadLetters);
        texts.ShouldContain(t => t.Where.EndsWith("header MT-Fault-Message", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Where.EndsWith("header MT-Fault-StackTrace", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Where.EndsWith("header MT-Reason", StringComparison.Ordinal));

        // The drop folder's reports, and the reasons in its quarantine files.
        var report = JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(source.Report("release-list-pii.csv")), ContractJson.Options)!;
        (report.Rows, report.Published, report.Quarantined.Count).ShouldBe((3, 1, 2));
        JsonSerializer.Deserialize<DropFileReport>(await File.ReadAllTextAsync(source.Report("release-list-pii-unreadable.csv")), ContractJson.Options)!.FileProblem.ShouldNotBeNull();
        foreach (var file in dropped)
        {
            texts.Add(($"report {file}", await File.ReadAllTextAsync(source.Report(file))));
        }

        var reasons = Directory.GetFiles(source.Quarantine, "*.rejected.csv").SelectMany(QuarantineReasons).ToList();
        reasons.Count.ShouldBeGreaterThanOrEqualTo(3, "the quarantined rows of both files");
        texts.AddRange(reasons);
        kept.AddRange(Directory.GetFiles(source.Quarantine).Select(f => ($"quarantine {Path.GetFileName(f)}", (string?)File.ReadAllText(f))));

        // Last, every line each process printed, from start to an orderly stop.
        await police.StopAsync();
        await probation.StopAsync();
        await hub.Router.StopAsync();
        foreach (var (name, output) in new[] { ("router", hub.Router.Output), ("probation", probation.Output), ("police", police.Output) })
        {
            output.Dropped.ShouldBe(0);
            texts.AddRange(output.Lines().Select((line, i) => ($"console of {name}, line {i + 1}", (string?)line)));
        }

        // Not vacuous: the console holds the hosting, HTTP ingest, source and routing lines the scan is meant to see.
        var console = string.Join('\n', texts.Where(t => t.Where.StartsWith("console", StringComparison.Ordinal)).Select(t => t.Text));
        console.ShouldContain("Application started");
        console.ShouldContain("HTTP ingest refused");
        console.ShouldContain("drop file release-list-pii.csv done");
        console.ShouldContain("dbug:");

        // The control: the same scan finds every detail in what is kept on purpose (the dead letters' bodies, the
        // quarantined rows), so each one went in, and would have been found had it leaked into any output.
        var scanner = new PiiScanner(SeededPerson.Seeds);
        var found = scanner.Scan(kept);
        SeededPerson.Seeds.Where(seed => !found.Any(f => f.StartsWith($"'{seed}' in ", StringComparison.Ordinal))).ShouldBeEmpty("details the input never carried");

        var findings = scanner.Scan(texts);
        findings.ShouldBeEmpty($"{findings.Count} finding(s) in {texts.Count} texts:\n{string.Join("\n", findings.Take(30).Select(f => f.Length > 600 ? f[..600] + "…" : f))}");
    }

    /// <summary>The reasons column of each quarantined row, never the row's own cells (the agency's data, kept for correction).</summary>
    private static IEnumerable<(string Where, string? Text)> QuarantineReasons(string path)
    {
        var records = CsvParser.Parse(File.ReadAllText(path));
        var column = records[0].ToList().IndexOf(QuarantineWriter.ReasonsColumn);
        column.ShouldBeGreaterThanOrEqualTo(0);
        return records.Skip(1).Select(r => ($"quarantine {Path.GetFileName(path)} row {r[0]} reasons", (string?)r[column]));
    }

    private static Hub.Contracts.Custody.V1.ReleaseScheduled Release(AgencyCode? claimedSource = null)
    {
        var release = Events.Release(claimedSource, SeededPerson.Address);
        return release with
        {
            Envelope = release.Envelope with
            {
                Subject = new SubjectIdentifiers { NhsNumber = SeededPerson.NhsNumber, PncId = SeededPerson.Pnc, Nino = SeededPerson.Nino, LocalId = SeededPerson.Crn },
            },
            Establishment = "HMP Fictional",
        };
    }

    private static ConsentRecorded ConsentUnderNoAgreement()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new ConsentRecorded
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.NewGuid(),
                OccurredAt = now,
                Source = AgencyCode.Probation,
                Classification = DataClassification.Personal,
                Subject = new SubjectIdentifiers { Nino = SeededPerson.Nino, NhsNumber = SeededPerson.NhsNumber, LocalId = SeededPerson.Crn },
                Consent = new ConsentTag { ConsentRef = "C-PII-SCAN-1", CollectionPurpose = "benefit-continuity" },
            },
            ConsentId = "C-PII-SCAN-1",
            Purposes = ["benefit-continuity"],
            AgreementId = "DSA-PII-NONE",
            GivenAt = now.AddMinutes(-5),
            EvidenceRef = "PRB-FORM-PII",
        };
    }

    /// <summary>A well-formed delivery for the council, carrying the person's details (even as its event type), sent to police's queue.</summary>
    private static JsonElement MisaddressedDelivery()
    {
        var now = TimeProvider.System.GetUtcNow();
        var payload = JsonSerializer.SerializeToNode(Release(), ContractJson.Options)!;
        var delivery = new JsonObject
        {
            ["deliveryId"] = Guid.NewGuid(),
            ["eventId"] = Guid.NewGuid(),
            ["eventType"] = SeededPerson.NhsNumber,
            ["source"] = "probation",
            ["recipient"] = "council",
            ["occurredAt"] = now,
            ["decidedAt"] = now,
            ["classification"] = "criminal-offence",
            ["payload"] = payload,
            ["agreementId"] = "DSA-001",
            ["agreementVersion"] = 1,
            ["flowId"] = "F2-council-housing",
            ["purpose"] = "resettlement-housing",
            ["lawfulBasis"] = "public-task",
            ["withheldFields"] = new JsonArray(),
            ["obligations"] = new JsonObject(),
            ["agreementSetHash"] = "0000",
        };
        return JsonSerializer.SerializeToElement(delivery);
    }

    private static JsonElement Json(object message, Action<JsonObject> change)
    {
        var node = JsonSerializer.SerializeToNode(message, message.GetType(), ContractJson.Options)!.AsObject();
        change(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(int port, string route, HttpContent content, string apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{Url(port)}/events/{route}")) { Content = content };
        request.Headers.Add("X-Api-Key", apiKey);

        // Sent only once the server asks for it: a refused body (413) then cannot race the refusal and reset the connection.
        request.Headers.ExpectContinue = true;
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Text(string body) => new(body, Encoding.UTF8, "application/json");

    private Task<(int ExitCode, string Output, string Errors)> OpsAsync(params string[] arguments) =>
        HubCli.RunAsync(
            new Dictionary<string, string>
            {
                ["AGENCYHUB_Broker__Host"] = servers.Broker.Host,
                ["AGENCYHUB_Broker__Port"] = servers.Broker.Port.ToString(CultureInfo.InvariantCulture),
                ["AGENCYHUB_Broker__VirtualHost"] = servers.Broker.VirtualHost,
                ["AGENCYHUB_Broker__Username"] = "hub-operator",
                ["AGENCYHUB_Broker__Password"] = servers.Broker.PasswordOf("hub-operator"),
            },
            ["ops", .. arguments]);

    private static IEnumerable<(string Where, string? Text)> Lines(string where, string text) =>
        text.Split('\n').Select((line, i) => ($"{where} line {i + 1}", (string?)line));

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, params (string Name, string Value)[] more)
    {
        var all = new Dictionary<string, string>(settings);
        foreach (var (name, value) in more)
        {
            all[name] = value;
        }

        return all;
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
