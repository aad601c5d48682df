using Hub.Contracts.Agencies;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Operations.V1;
using Hub.Contracts.Subjects;
using Hub.Contracts.Topology;
using Hub.IntegrationTests.Infrastructure;
using Hub.Router.Agreements;
using Hub.Sharing.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hub.IntegrationTests.Operations;

/// <summary>
/// <c>hub ops</c> against the real router, broker and ledger, logged in as the <c>hub-operator</c> broker user:
/// dead letters are listed and shown without personal data, a payload view is ledgered before it is printed, replays
/// go back through the router's policy (and are refused when it now says no), purges are ledgered, and an event's
/// journey can be traced (docs/adr/0012).
/// </summary>
[Collection(ServersGroup.Name)]
public class DeadLetterOperationsTests(ServersFixture servers) : IAsyncLifetime
{
    private const string IngressErrors = "hub.ingress.probation_error";
    private const string PoliceErrors = "hub.delivery.police_error";
    private const string Operator = "ops-it";
    private static readonly string Submit = HubTopology.SubmitExchange(AgencyCode.Probation);

    private OperationsRig _rig = null!;

    public async Task InitializeAsync() => _rig = await OperationsRig.StartAsync(servers);

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task When_a_consent_arrives_before_its_agreement_should_dead_letter_it_show_it_without_personal_data_and_replay_it_into_a_delivery_once_the_agreement_is_loaded()
    {
        var consent = ConsentBeforeItsAgreement();
        var messageId = Guid.NewGuid();
        await _rig.Probation.PublishAsync(Submit, MassTransitEnvelope.For(consent, messageId), messageId: messageId.ToString());

        // list: metadata and the router's own reason, nothing from the payload.
        var list = await Eventually.UntilAsync(() => OpsAsync("dlq", "list", "--agency", "probation"), r => r.Output.Contains(messageId.ToString(), StringComparison.Ordinal), "the refused consent in the probation dead-letter queue");
        list.ExitCode.ShouldBe(0, list.Errors);
        list.Output.ShouldContain($"consent.recorded, event {consent.Envelope.EventId}, from probation");
        list.Output.ShouldContain("consent-invalid: consent " + consent.ConsentId + " names agreement DSA-IT-OPT, which is not in the agreement set");
        ShouldHoldNoPersonalData(list.Output);

        var show = await OpsAsync("dlq", "show", messageId.ToString());
        show.ExitCode.ShouldBe(0, show.Errors);
        show.Output.ShouldContain("Hub.Router.Ingress.IngressRejectedException");
        ShouldHoldNoPersonalData(show.Output);
        (await OperatorRowsAsync()).ShouldBeEmpty("showing metadata is not ledgered");

        // The payload view needs a ledger row first: with a ledger that cannot take it, nothing is shown.
        var unrecorded = await OpsAsync("dlq", "show", messageId.ToString(), "--payload", "--reason", "INC-7 check the consent", "--operator", Operator, "--postgres", await servers.CreateDatabaseAsync());
        unrecorded.ExitCode.ShouldBe(2);
        unrecorded.Errors.ShouldContain("Not showing the payload");
        unrecorded.Output.ShouldNotContain(Events.Nino);

        var payload = await OpsAsync("dlq", "show", messageId.ToString(), "--payload", "--reason", "INC-7 check the consent", "--operator", Operator, "--postgres", _rig.Ledger);
        payload.ExitCode.ShouldBe(0, payload.Errors);
        payload.Output.ShouldContain(Events.Nino, customMessage: "the explicit payload view shows the body");
        var viewed = (await OperatorRowsAsync()).ShouldHaveSingleItem();
        viewed.Outcome.ShouldBe("payload-viewed");
        viewed.EventId.ShouldBe(consent.Envelope.EventId);
        viewed.Reasons.ShouldContain($"operator {Operator}");
        viewed.Reasons.ShouldContain("queue " + IngressErrors);
        viewed.Reasons.ShouldContain("reason: INC-7 check the consent");
        (await LedgerQueries.AllTextAsync(_rig.Ledger)).ShouldNotContain(Events.Nino);

        // A replay whose ledger row cannot be written leaves the message where it is.
        var notLedgered = await OpsAsync("dlq", "replay", messageId.ToString(), "--postgres", await servers.CreateDatabaseAsync());
        notLedgered.ExitCode.ShouldNotBe(0);
        (await OpsAsync("dlq", "list", "--queue", IngressErrors)).Output.ShouldContain(messageId.ToString());

        // The cause is fixed (the agreement is signed off and loaded): the replay is decided under it and delivered.
        await LoadAgreementAsync("dsa-it-opt.yaml", OptInAgreement, e => e.Agreements.Agreements.Any(a => a.Id == "DSA-IT-OPT"));
        var replay = await OpsAsync("dlq", "replay", messageId.ToString(), "--operator", Operator, "--reason", "INC-7 agreement now live", "--postgres", _rig.Ledger);
        replay.ExitCode.ShouldBe(0, replay.Errors + replay.Output);
        replay.Output.ShouldContain($"sent to the router to re-enter {HubTopology.IngressQueue(AgencyCode.Probation)} (hub.operate)");

        // The router, not the operator, takes the message from its dead-letter queue and re-publishes it into ingress.
        var delivered = await Eventually.UntilAsync(() => _rig.Admin.DrainAsync(HubTopology.DeliveryQueue(AgencyCode.Jcp)), m => m.Count > 0, "the claim start delivered to JCP");
        System.Text.Encoding.UTF8.GetString(delivered.ShouldHaveSingleItem().Body.Span).ShouldContain(consent.Envelope.EventId.ToString());
        (await ConsentQueries.IsRegisteredAsync(_rig.Ledger, consent.ConsentId)).ShouldBeTrue();
        (await ConsentQueries.DecisionsAsync(_rig.Ledger, consent.Envelope.EventId)).ShouldContain(d => d.Recipient == "jcp" && d.Outcome == "allowed" && d.Footing == "consent");
        var rows = await Eventually.UntilAsync(OperatorRowsAsync, r => r.Count == 3, "the router's replay row in the ledger");
        rows.Select(r => r.Outcome).ShouldBe(["payload-viewed", "replay-requested", "replay-allowed"]);
        rows[2].Reasons.ShouldContain($"operator {Operator}");
        rows[2].Reasons.ShouldContain($"message {messageId} re-published into {HubTopology.IngressQueue(AgencyCode.Probation)} through {HubTopology.ReingressExchange(AgencyCode.Probation)}");
        (await OpsAsync("dlq", "list", "--queue", IngressErrors)).Output.ShouldNotContain(messageId.ToString());
    }

    [Fact]
    public async Task When_a_delivery_failed_at_the_recipient_should_replay_it_through_the_routers_recheck_and_trace_its_journey()
    {
        var release = Events.Release();
        var deliveryId = DeliveryIds.For(AgencyCode.Probation, release.Envelope.EventId, AgencyCode.Police);
        await DeadLetterAtPoliceAsync(release, deliveryId);

        await using var police = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police);
        var replay = await OpsAsync("dlq", "replay", deliveryId.ToString(), "--operator", Operator, "--postgres", _rig.Ledger);
        replay.ExitCode.ShouldBe(0, replay.Errors + replay.Output);
        replay.Output.ShouldContain("sent to the router for a re-check (hub.operate)");

        var received = await Eventually.UntilAsync(() => Task.FromResult(police.Sink.Received.ToList()), r => r.Any(d => d.DeliveryId == deliveryId), "the replayed delivery at the police adapter");
        received.Count(d => d.DeliveryId == deliveryId).ShouldBe(1);
        var rows = await OperatorRowsAsync();
        rows.Select(r => r.Outcome).Order(StringComparer.Ordinal).ShouldBe(["replay-allowed", "replay-requested"]);
        rows.Single(r => r.Outcome == "replay-allowed").DeliveryId.ShouldBe(deliveryId);

        var trace = await OpsAsync("trace", release.Envelope.EventId.ToString(), "--postgres", _rig.Ledger);
        trace.ExitCode.ShouldBe(0, trace.Errors);
        trace.Output.ShouldContain($"event {release.Envelope.EventId}: custody.release.scheduled from probation");
        trace.Output.ShouldContain($"decision for police: ALLOWED under DSA-IT-1@4 flow F-police on basis (purpose offender-management), delivery {deliveryId}");
        trace.Output.ShouldContain("decision for nhs: DENIED");
        trace.Output.ShouldContain($"sent: delivery {deliveryId} to police");
        trace.Output.ShouldContain("operator: replay-allowed (delivery to police)");
        trace.Output.ShouldContain("broker: in no dead-letter queue");
        ShouldHoldNoPersonalData(trace.Output);
    }

    [Fact]
    public async Task When_policy_changed_since_the_delivery_failed_should_refuse_the_replay_ledger_it_and_send_nothing()
    {
        var release = Events.Release();
        var deliveryId = DeliveryIds.For(AgencyCode.Probation, release.Envelope.EventId, AgencyCode.Police);
        await DeadLetterAtPoliceAsync(release, deliveryId);

        // The agreement was renewed as version 5: what version 4 allowed may not be sent again on its say-so.
        await LoadAgreementAsync("dsa-it-1.yaml", TestAgreements.ReleaseNotices.Replace("version: 4", "version: 5", StringComparison.Ordinal), e => e.Agreements.Agreements.Any(a => a.Id == "DSA-IT-1" && a.Version == 5));
        var replay = await OpsAsync("dlq", "replay", deliveryId.ToString(), "--operator", Operator, "--postgres", _rig.Ledger);
        replay.ExitCode.ShouldBe(0, replay.Errors + replay.Output);

        var rows = await Eventually.UntilAsync(OperatorRowsAsync, r => r.Any(x => x.Outcome == "replay-denied"), "the router's refusal in the ledger");
        var denied = rows.Single(r => r.Outcome == "replay-denied");
        denied.DeliveryId.ShouldBe(deliveryId);
        denied.Reasons.ShouldContain(x => x.Contains("agreement DSA-IT-1 is now version 5", StringComparison.Ordinal));
        (await _rig.Admin.QueueStateAsync(HubTopology.DeliveryQueue(AgencyCode.Police))).Messages.ShouldBe(0u, "a refused replay sends nothing");
    }

    [Theory]
    [InlineData(IngressErrors, "is not in the queue: nothing to replay")]
    [InlineData(PoliceErrors, "the queue is not an ingress dead-letter queue of this router")]
    public async Task When_asked_to_replay_an_ingress_message_it_does_not_hold_should_refuse_and_ledger_it(string queue, string refusal)
    {
        var request = new IngressReplayRequested { RequestId = Guid.NewGuid(), MessageId = Guid.NewGuid(), FromQueue = queue, RequestedBy = Operator, RequestedAt = TimeProvider.System.GetUtcNow() };
        await using var operatorClient = await BrokerClient.ConnectAsync(servers.Broker, "hub-operator");

        await operatorClient.PublishAsync(HubTopology.OperateExchange, MassTransitEnvelope.For(request, request.RequestId), messageId: request.RequestId.ToString());

        var denied = (await Eventually.UntilAsync(OperatorRowsAsync, r => r.Any(x => x.Outcome == "replay-denied"), "the router's refusal in the ledger")).ShouldHaveSingleItem();
        denied.Reasons.ShouldContain($"operator {Operator}");
        denied.Reasons.ShouldContain($"queue {queue}");
        denied.Reasons.ShouldContain(x => x.Contains(refusal, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_dead_letters_are_purged_should_keep_newer_ones_under_an_age_limit_and_ledger_each_removal()
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await _rig.Probation.PublishAsync(Submit, MassTransitEnvelope.For(Events.Release(claimedSource: AgencyCode.Police)));
        }

        await Eventually.UntilAsync(() => OpsAsync("dlq", "list", "--queue", IngressErrors), r => r.Output.Contains($"{IngressErrors}: 2 message(s)", StringComparison.Ordinal), "both forged events dead-lettered");

        var young = await OpsAsync("dlq", "purge", "--queue", IngressErrors, "--older-than", "1d", "--reason", "INC-9 forged test traffic", "--confirm", "--postgres", _rig.Ledger);
        young.ExitCode.ShouldBe(0, young.Errors);
        young.Output.ShouldContain($"0 message(s) purged from {IngressErrors}, 2 kept");

        var purge = await OpsAsync("dlq", "purge", "--queue", IngressErrors, "--reason", "INC-9 forged test traffic", "--confirm", "--operator", Operator, "--postgres", _rig.Ledger);
        purge.ExitCode.ShouldBe(0, purge.Errors);
        purge.Output.ShouldContain($"2 message(s) purged from {IngressErrors}");
        (await OpsAsync("dlq", "list", "--queue", IngressErrors)).Output.ShouldContain($"{IngressErrors}: 0 message(s)");
        var rows = await OperatorRowsAsync();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.Outcome == "purged" && r.Reasons.Contains("reason: INC-9 forged test traffic") && r.Reasons.Contains($"operator {Operator}"));
    }

    private const string OptInAgreement = """
        id: DSA-IT-OPT
        title: Integration test claim start on the claimant's consent
        version: 1
        status: active
        parties: [probation, jcp]
        effective: 2026-01-01
        expires: 2099-01-01
        flows:
          - id: F-claim
            source: probation
            eventTypes: [consent.recorded]
            recipients: [jcp]
            purpose: benefit-continuity
            consent: required
            lawfulBasis:
              article6: public-task
            fields: [subject.nino, consentId, purposes, givenAt]
        """;

    private static ConsentRecorded ConsentBeforeItsAgreement()
    {
        var consentId = "C-IT-OPS-" + Guid.NewGuid().ToString("N")[..6];
        var now = TimeProvider.System.GetUtcNow();
        return new ConsentRecorded
        {
            Envelope = new EventEnvelope
            {
                EventId = Guid.NewGuid(),
                OccurredAt = now,
                Source = AgencyCode.Probation,
                Classification = DataClassification.Personal,
                Subject = new SubjectIdentifiers { Nino = Events.Nino, NhsNumber = Events.NhsNumber },
                Consent = new ConsentTag { ConsentRef = consentId, CollectionPurpose = "benefit-continuity" },
            },
            ConsentId = consentId,
            Purposes = ["benefit-continuity"],
            AgreementId = "DSA-IT-OPT",
            GivenAt = now.AddMinutes(-5),
            EvidenceRef = "PRB-CLAIM-FORM-IT",
        };
    }

    private static void ShouldHoldNoPersonalData(string output)
    {
        foreach (var value in new[] { Events.Nino, Events.NhsNumber, Events.Pnc, Events.Address, "Example Row" })
        {
            output.ShouldNotContain(value, Case.Insensitive);
        }
    }

    /// <summary>Sends a release notice while police's case system refuses everything, so its delivery lands in police's error queue.</summary>
    private async Task DeadLetterAtPoliceAsync(Hub.Contracts.Custody.V1.ReleaseScheduled release, Guid deliveryId)
    {
        await using (var failing = await AdapterUnderTest.StartAsync(servers.Broker, AgencyCode.Police, failing: true))
        {
            await _rig.Probation.PublishAsync(Submit, MassTransitEnvelope.For(release));
            var list = await Eventually.UntilAsync(() => OpsAsync("dlq", "list", "--queue", PoliceErrors), r => r.Output.Contains($"delivery {deliveryId}", StringComparison.Ordinal), "the refused delivery in police's error queue");
            list.Output.ShouldContain("Hub.Adapters.Core.Delivery.PermanentDeliveryFailureException (message withheld)");
            ShouldHoldNoPersonalData(list.Output);
        }
    }

    private async Task LoadAgreementAsync(string file, string text, Func<AgreementDecisionEngine, bool> loaded)
    {
        await File.WriteAllTextAsync(Path.Combine(_rig.Agreements, file), text);
        var provider = _rig.Router.Services.GetRequiredService<IAgreementProvider>();
        await Eventually.UntilAsync(() => Task.FromResult(provider.Current as AgreementDecisionEngine), e => e is not null && loaded(e), $"the router to load {file}");
    }

    private Task<(int ExitCode, string Output, string Errors)> OpsAsync(params string[] arguments) => OperatorCli.RunAsync(servers.Broker, arguments);

    private async Task<IReadOnlyList<LedgerRow>> OperatorRowsAsync() => [.. (await LedgerQueries.RowsAsync(_rig.Ledger)).Where(r => r.Kind == "operator-access")];
}
