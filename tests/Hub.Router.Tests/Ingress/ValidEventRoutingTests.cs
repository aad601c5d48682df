using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Custody.V1;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Health.V1;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Ingress;

public sealed class ValidEventRoutingTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    /// <summary>Every field present in <see cref="TestEvents.Release"/>, as agreements name them.</summary>
    private static readonly string[] ReleaseFields =
    [
        "addressOnRelease", "cohortTier", "establishment", "leadProfessional", "mentalHealthFlag", "releaseDate", "resettlementArea",
        "sentenceBand", "subject.localId", "subject.nhsNumber", "subject.nino", "subject.pncId", "substanceMisuseFlag",
    ];

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task When_a_valid_event_arrives_should_deliver_to_each_permitted_recipient_exactly_its_released_fields()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();

        await host.SendAsync(AgencyCode.Probation, release);

        var deliveries = await host.WaitForDeliveriesAsync(release.Envelope.EventId, 2);
        deliveries.Select(d => d.Recipient.Value).Order().ShouldBe(["jcp", "police"]);

        var police = deliveries.Single(d => d.Recipient == AgencyCode.Police);
        TopLevelNames(police.Payload).ShouldBe(["addressOnRelease", "establishment", "releaseDate", "subject"], ignoreOrder: true);
        SubjectNames(police.Payload).ShouldBe(["pncId"]);
        police.Payload.GetProperty("subject").GetProperty("pncId").GetString().ShouldBe(TestEvents.PncId);
        police.Payload.GetProperty("releaseDate").GetString().ShouldBe("2026-12-04");
        police.Payload.GetProperty("establishment").GetString().ShouldBe("HMP Fictional");
        police.Payload.GetProperty("addressOnRelease").GetString().ShouldBe(release.AddressOnRelease);
        police.WithheldFields.ShouldBe([.. ReleaseFields.Except(AgreementsFolder.PoliceFields)]);
        police.AgreementId.ShouldBe(AgreementsFolder.AgreementId);
        police.AgreementVersion.ShouldBe(AgreementsFolder.AgreementVersion);
        police.FlowId.ShouldBe(AgreementsFolder.PoliceFlow);
        police.Purpose.ShouldBe(AgreementsFolder.PolicePurpose);
        police.LawfulBasis.ShouldBe(AgreementsFolder.PoliceLawfulBasis);
        police.Obligations.ShouldBe(new Obligations { RetentionDays = 730, OnwardSharingForbidden = true });

        var jcp = deliveries.Single(d => d.Recipient == AgencyCode.Jcp);
        TopLevelNames(jcp.Payload).ShouldBe(["releaseDate", "subject"], ignoreOrder: true);
        SubjectNames(jcp.Payload).ShouldBe(["nino"]);
        jcp.Payload.GetProperty("subject").GetProperty("nino").GetString().ShouldBe(TestEvents.Nino);
        jcp.WithheldFields.ShouldBe([.. ReleaseFields.Except(AgreementsFolder.JcpFields)]);
        jcp.FlowId.ShouldBe(AgreementsFolder.JcpFlow);
        jcp.Purpose.ShouldBe(AgreementsFolder.JcpPurpose);
        jcp.Obligations.ShouldBe(new Obligations { RetentionDays = 365, OnwardSharingForbidden = false });

        foreach (var delivery in deliveries)
        {
            delivery.DeliveryId.ShouldBe(DeliveryIds.For(AgencyCode.Probation, release.Envelope.EventId, delivery.Recipient));
            delivery.EventId.ShouldBe(release.Envelope.EventId);
            delivery.EventType.ShouldBe("custody.release.scheduled");
            delivery.Source.ShouldBe(AgencyCode.Probation);
            delivery.Classification.ShouldBe(DataClassification.CriminalOffence);
            delivery.OccurredAt.ShouldBe(TestEvents.OccurredAt);
            delivery.DecidedAt.ShouldBe(RouterTestHost.Now);
            delivery.LegalGateway.ShouldBe("ORA2014-s7");
            delivery.AgreementSetHash.ShouldBe(host.AgreementSetHash);
        }
    }

    [Fact]
    public async Task When_a_valid_event_arrives_should_deliver_nothing_to_denied_recipients()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();

        var messageId = await host.SendAsync(AgencyCode.Probation, release);

        await host.WaitForIngressConsumedAsync<ReleaseScheduled>(messageId);
        await host.WaitForDeliveriesAsync(release.Envelope.EventId, 2);
        host.Traffic.Sent.Select(d => d.Recipient.Value).Order().ShouldBe(["jcp", "police"]);
        host.Sink.Received.ShouldNotContain(d => d.Recipient == AgencyCode.Nhs || d.Recipient == AgencyCode.Council || d.Recipient == AgencyCode.Probation);
    }

    [Fact]
    public async Task When_a_valid_event_arrives_should_ledger_one_decision_per_candidate_recipient()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();

        await host.SendAsync(AgencyCode.Probation, release);

        var rows = await host.WaitForLedgerAsync(r => r.Count >= 4, "four decision rows");
        var deliveries = await host.WaitForDeliveriesAsync(release.Envelope.EventId, 2);
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.Kind == LedgerEntryKind.Decision && r.EventId == release.Envelope.EventId && r.Source == "probation");
        rows.Select(r => r.Recipient).Order().ShouldBe(["council", "jcp", "nhs", "police"]);
        rows.ShouldAllBe(r => r.AgreementSetHash == host.AgreementSetHash);
        rows.ShouldAllBe(r => r.EventType == "custody.release.scheduled");

        var allowed = rows.Where(r => r.Outcome == LedgerOutcome.Allowed).ToList();
        allowed.Select(r => r.Recipient).Order().ShouldBe(["jcp", "police"]);
        foreach (var row in allowed)
        {
            row.DeliveryId.ShouldBe(deliveries.Single(d => d.Recipient.Value == row.Recipient).DeliveryId);
            row.AgreementId.ShouldBe(AgreementsFolder.AgreementId);
        }

        allowed.Single(r => r.Recipient == "police").ReleasedFields.ShouldBe(AgreementsFolder.PoliceFields);
        var denied = rows.Where(r => r.Outcome == LedgerOutcome.Denied).ToList();
        denied.Select(r => r.Recipient).Order().ShouldBe(["council", "nhs"]);
        denied.ShouldAllBe(r => r.DeliveryId == null && r.ReleasedFields.Count == 0 && r.Reasons.Count > 0);
    }

    [Fact]
    public async Task When_a_valid_event_is_ledgered_should_hold_subject_pseudonyms_and_never_the_identifiers()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();

        await host.SendAsync(AgencyCode.Probation, release);

        var rows = await host.WaitForLedgerAsync(r => r.Count >= 4, "four decision rows");
        var json = JsonSerializer.Serialize(rows, Unescaped);
        json.ShouldNotContain(TestEvents.NhsNumber);
        json.ShouldNotContain(TestEvents.PncId);
        json.ShouldNotContain(TestEvents.Nino);
        json.ShouldNotContain(TestEvents.LocalId);
        json.ShouldNotContain(release.AddressOnRelease!);
        foreach (var row in rows)
        {
            row.SubjectPseudonyms.ShouldContain(p => p.StartsWith("nhs:", StringComparison.Ordinal));
            row.SubjectPseudonyms.ShouldContain(p => p.StartsWith("pnc:", StringComparison.Ordinal));
            row.SubjectPseudonyms.ShouldContain(host.Pseudonymiser.Pseudonym("nhs", TestEvents.NhsNumber));
            row.SubjectPseudonyms.ShouldContain(host.Pseudonymiser.Pseudonym("pnc", TestEvents.PncId));
            row.SubjectPseudonyms.ShouldContain(host.Pseudonymiser.Pseudonym("nino", TestEvents.Nino));
        }
    }

    [Fact]
    public async Task When_a_valid_event_is_ledgered_should_record_the_key_id_purpose_and_coded_values_and_no_special_category_value()
    {
        // What hub rules replay needs to decide the event again (ADR 0019), and nothing personal beyond names and codes.
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var release = TestEvents.Release();

        await host.SendAsync(AgencyCode.Probation, release);

        var rows = await host.WaitForLedgerAsync(r => r.Count >= 4, "four decision rows");
        foreach (var row in rows)
        {
            row.SubjectKeyId.ShouldBe(host.Pseudonymiser.KeyId);
            row.SubjectKeyId!.Length.ShouldBe(16);
            row.CollectionPurpose.ShouldBe("offender-management");
            row.EventFacts.ShouldBe(["cohortTier=\"iom\"", "resettlementArea=\"lewisham\"", "sentenceBand=\"under-12-months\""]);
        }
    }

    [Fact]
    public async Task When_a_forbid_flow_applies_should_deny_that_recipient_and_deliver_nothing()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var discharge = TestEvents.Discharge();

        var messageId = await host.SendAsync(AgencyCode.Nhs, discharge);

        await host.WaitForIngressConsumedAsync<DischargePlanned>(messageId);
        var rows = await host.WaitForLedgerAsync(r => r.Count >= 4, "four decision rows");
        rows.ShouldAllBe(r => r.Outcome == LedgerOutcome.Denied && r.DeliveryId == null);
        var police = rows.Single(r => r.Recipient == "police");
        police.AgreementId.ShouldBe(AgreementsFolder.ForbidAgreementId);
        police.FlowId.ShouldBe(AgreementsFolder.ForbidFlow);
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }

    private static string[] TopLevelNames(JsonElement payload) => [.. payload.EnumerateObject().Select(p => p.Name)];

    private static string[] SubjectNames(JsonElement payload) => [.. payload.GetProperty("subject").EnumerateObject().Select(p => p.Name)];
}
