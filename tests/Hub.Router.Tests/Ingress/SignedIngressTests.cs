using System.Security.Cryptography;
using Hub.Contracts.Agencies;
using Hub.Contracts.Delivery.V1;
using Hub.Contracts.Signing;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Ingress;

/// <summary>
/// An agency whose public key the router holds has every event checked before it is decided (docs/adr/0023): a
/// message through the right queue is not enough. Agencies without registered keys are decided as before.
/// </summary>
public sealed class SignedIngressTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agencyhub-keys-").FullName;
    private readonly ECDsa _probation = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _rotated = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public async Task When_probation_signs_with_a_registered_key_should_decide_the_event()
    {
        await using var host = await StartAsync();
        var release = TestEvents.Release();

        await host.SendAsync(AgencyCode.Probation, release, headers: Signed(release, _rotated));

        await host.WaitForLedgerAsync(rows => rows.Count(r => r.Kind == LedgerEntryKind.Decision) >= 4, "the decisions on the signed event");
        (await host.WaitForDeliveriesAsync(release.Envelope.EventId, 2)).Count.ShouldBe(2);
    }

    public static TheoryData<string> Forgeries() => ["unsigned", "altered", "other-key", "junk-key-id"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task When_an_event_is_not_validly_signed_should_refuse_it_as_signature_invalid_and_decide_nothing(string forgery)
    {
        await using var host = await StartAsync();
        var release = TestEvents.Release();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var headers = forgery switch
        {
            "unsigned" => null,
            "altered" => Signed(release with { AddressOnRelease = "somewhere else" }, _probation),
            "other-key" => Signed(release, stranger),
            _ => new Dictionary<string, string> { [EventSignature.KeyIdHeader] = "<script>", [EventSignature.SignatureHeader] = "AAAA" },
        };

        var messageId = await host.SendAsync(AgencyCode.Probation, release, headers: headers);

        var error = await host.WaitForErrorQueueAsync(messageId);
        error.FaultMessage.ShouldNotBeNull().ShouldStartWith(RejectionCodes.SignatureInvalid);
        error.FaultMessage.ShouldNotContain("<script>");
        var row = (await host.ReadLedgerAsync()).ShouldHaveSingleItem();
        (row.Kind, row.Reasons[0]).ShouldBe((LedgerEntryKind.Rejection, RejectionCodes.SignatureInvalid));
    }

    [Fact]
    public async Task When_an_agency_has_no_registered_key_should_decide_its_unsigned_events_as_before()
    {
        await using var host = await StartAsync();
        var discharge = TestEvents.Discharge();

        await host.SendAsync(AgencyCode.Nhs, discharge);

        (await host.WaitForLedgerAsync(rows => rows.Count > 0, "the decisions")).ShouldAllBe(r => r.Kind == LedgerEntryKind.Decision);
    }

    [Theory]
    [InlineData(true, "recall-unknown")]
    [InlineData(false, "signature-invalid")]
    public async Task When_a_recall_acknowledgement_arrives_from_a_signing_agency_should_check_its_signature_before_the_recall(bool isSigned, string reason)
    {
        await using var host = await StartAsync();
        var ack = new RecallAcknowledged { RecallId = Guid.NewGuid(), Recipient = AgencyCode.Probation, AcknowledgedAt = TestEvents.OccurredAt, Erased = [] };

        var messageId = await host.SendAsync(AgencyCode.Probation, ack, headers: isSigned ? Signed(ack, _probation) : null);

        (await host.WaitForErrorQueueAsync(messageId)).FaultMessage.ShouldNotBeNull().ShouldStartWith(reason);
        (await host.ReadLedgerAsync()).ShouldHaveSingleItem().Reasons[0].ShouldBe(reason);
    }

    public void Dispose()
    {
        _probation.Dispose();
        _rotated.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<RouterTestHost> StartAsync()
    {
        // Two keys at once: a rotation in progress, either accepted.
        var current = Path.Combine(_folder, "probation.pub");
        var next = Path.Combine(_folder, "probation-next.pub");
        await File.WriteAllTextAsync(current, _probation.ExportSubjectPublicKeyInfoPem());
        await File.WriteAllTextAsync(next, _rotated.ExportSubjectPublicKeyInfoPem());
        return await RouterTestHost.StartAsync(agreements.Path, moreSettings: new Dictionary<string, string?>
        {
            ["Router:Signing:Participants:probation:0"] = current,
            ["Router:Signing:Participants:probation:1"] = next,
        });
    }

    private static Dictionary<string, string> Signed(object message, ECDsa key)
    {
        using var signer = new MessageSigner(ECDsa.Create(key.ExportParameters(true)));
        return new() { [EventSignature.KeyIdHeader] = signer.KeyId, [EventSignature.SignatureHeader] = signer.Sign(message, message.GetType()) };
    }
}
