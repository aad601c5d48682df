using System.Security.Cryptography;
using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Consent.V1;
using Hub.Contracts.Envelope;
using Hub.Router.Agreements;
using Hub.Router.Consent.Holding;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Recalls;
using Hub.Sharing.Decisions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.Router.Consent;

/// <summary>
/// Registers <c>consent.recorded</c> and <c>consent.withdrawn</c> events that passed ingress validation, before they
/// are decided like any other event: shared onward only where an agreement has a flow for them (DSA-005 starts a
/// benefit claim from the consent), denied and ledgered otherwise (docs/adr/0007). A withdrawal is accepted only
/// from the agency that recorded the consent and only for the same person; it stops consent-based sharing at once
/// and sends the recalls. A withdrawal that arrives before its consent is kept, and applied as of its own instant
/// when the consent is recorded (docs/adr/0018); recording a consent also releases events held for it.
/// </summary>
public sealed class ConsentIngress(
    IConsentStore store,
    SubjectPseudonymiser pseudonymiser,
    IAgreementProvider agreements,
    RecallDispatcher recalls,
    RejectionRecorder rejections,
    HoldSignal holds,
    TimeProvider time,
    ILogger<ConsentIngress> logger)
{
    /// <summary>Registers a consent event in the registry (refusing an invalid one); does nothing for any other event.</summary>
    public async Task RegisterAsync(ConsumeContext context, IShareableEvent @event, AgencyCode source)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (@event)
        {
            case ConsentRecorded recorded:
                await RecordAsync(context, recorded, source);
                break;
            case ConsentWithdrawn withdrawn:
                await WithdrawAsync(context, withdrawn, source);
                break;
        }
    }

    private async Task RecordAsync(ConsumeContext context, ConsentRecorded recorded, AgencyCode source)
    {
        var pseudonyms = pseudonymiser.Pseudonymise(recorded.Envelope.Subject, source);
        if (ScopeProblem(recorded, pseudonyms) is { } problem)
        {
            await RejectAsync(context, source, ConsentRejectionCodes.Invalid, problem, recorded);
        }

        IReadOnlyList<string> recipients = recorded.AgreementId is { } agreementId
            ? PartiesOf(agreementId) ?? await RejectAsync<IReadOnlyList<string>>(context, source, ConsentRejectionCodes.Invalid, $"consent {recorded.ConsentId} names agreement {agreementId}, which is not in the agreement set", recorded)
            : [.. recorded.Recipients.Select(r => r.Value).Order(StringComparer.Ordinal)];
        var record = new ConsentRecord
        {
            ConsentId = recorded.ConsentId,
            RecordedBy = source.Value,
            Purposes = [.. recorded.Purposes.Order(StringComparer.Ordinal)],
            Recipients = recipients,
            AgreementId = recorded.AgreementId,
            GivenAt = recorded.GivenAt,
            ExpiresAt = recorded.ExpiresAt,
            EvidenceRef = recorded.EvidenceRef,
            SubjectPseudonyms = [.. pseudonyms.Order(StringComparer.Ordinal)],
            EventId = recorded.Envelope.EventId,
            RegisteredAt = time.GetUtcNow(),
            ContentHash = string.Empty,
        };
        record = record with { ContentHash = HashOf(record) };
        var outcome = await store.RecordAsync(record, context.CancellationToken);
        if (outcome == ConsentRegistration.Conflict)
        {
            await RejectAsync(context, source, ConsentRejectionCodes.Conflict, $"consent {recorded.ConsentId} is already registered with different content or by another agency; a changed consent needs a new consent id", recorded);
        }

        ConsentLog.Registered(logger, record.ConsentId, source.Value, outcome.ToString());
        await ApplyEarlyWithdrawalsAsync(context, record);
        holds.ConsentRecorded();
    }

    private async Task WithdrawAsync(ConsumeContext context, ConsentWithdrawn withdrawn, AgencyCode source)
    {
        var record = await store.FindAsync(withdrawn.ConsentId, context.CancellationToken);
        if (record is null)
        {
            await KeepEarlyWithdrawalAsync(context, withdrawn, source);

            // The consent's registration looks for kept withdrawals after it commits, and this looks for the consent after
            // keeping one: whichever comes second sees the other.
            record = await store.FindAsync(withdrawn.ConsentId, context.CancellationToken);
            if (record is null)
            {
                return;
            }
        }

        if (record.RecordedBy != source.Value)
        {
            await RejectAsync(context, source, ConsentRejectionCodes.NotOwned, $"consent {withdrawn.ConsentId} was recorded through the {record.RecordedBy} ingress; only that agency may withdraw it", withdrawn);
        }

        var pseudonyms = pseudonymiser.Pseudonymise(withdrawn.Envelope.Subject, source);
        if (!record.SubjectPseudonyms.Intersect(pseudonyms, StringComparer.Ordinal).Any())
        {
            await RejectAsync(context, source, ConsentRejectionCodes.SubjectMismatch, $"the withdrawal of consent {withdrawn.ConsentId} is about a different person than the consent", withdrawn);
        }

        var now = time.GetUtcNow();
        var effective = withdrawn.WithdrawnAt < now ? withdrawn.WithdrawnAt : now;
        await store.WithdrawAsync(new ConsentWithdrawal(record.ConsentId, effective, withdrawn.WithdrawnAt, withdrawn.Envelope.EventId, now), context.CancellationToken);
        ConsentLog.Withdrawn(logger, record.ConsentId, source.Value);
        await recalls.SyncAndSendAsync(RecallCause.ForConsent(record.ConsentId), context, context.CancellationToken);
    }

    private async Task KeepEarlyWithdrawalAsync(ConsumeContext context, ConsentWithdrawn withdrawn, AgencyCode source)
    {
        if (string.IsNullOrWhiteSpace(withdrawn.ConsentId))
        {
            await RejectAsync(context, source, ConsentRejectionCodes.Invalid, "consentId is missing", withdrawn);
        }

        var pseudonyms = pseudonymiser.Pseudonymise(withdrawn.Envelope.Subject, source);
        var kept = new EarlyWithdrawal(withdrawn.ConsentId, source.Value, [.. pseudonyms.Order(StringComparer.Ordinal)], withdrawn.WithdrawnAt, withdrawn.Envelope.EventId, time.GetUtcNow());
        await store.KeepEarlyWithdrawalAsync(kept, context.CancellationToken);
        ConsentLog.WithdrawalKept(logger, withdrawn.ConsentId, source.Value);
    }

    /// <summary>
    /// Applies the withdrawals kept before <paramref name="record"/> was recorded, under the same rules as one arriving
    /// after it: only the recording agency's, only for the same person. One that breaks them is ledgered as a rejection
    /// of that withdrawal event (it was acknowledged long ago, so there is no message to dead-letter).
    /// </summary>
    private async Task ApplyEarlyWithdrawalsAsync(ConsumeContext context, ConsentRecord record)
    {
        var cancellationToken = context.CancellationToken;
        var kept = await store.EarlyWithdrawalsAsync(record.ConsentId, cancellationToken);
        var applied = false;
        foreach (var withdrawal in kept)
        {
            var refusal = withdrawal.Source != record.RecordedBy
                ? new IngressRejection(ConsentRejectionCodes.NotOwned, $"consent {record.ConsentId} was recorded through the {record.RecordedBy} ingress; only that agency may withdraw it")
                : !record.SubjectPseudonyms.Intersect(withdrawal.SubjectPseudonyms, StringComparer.Ordinal).Any()
                    ? new IngressRejection(ConsentRejectionCodes.SubjectMismatch, $"the withdrawal of consent {record.ConsentId} is about a different person than the consent")
                    : null;
            if (refusal is not null)
            {
                var inputKey = System.Text.Encoding.UTF8.GetBytes($"early-withdrawal|{withdrawal.EventId:N}");
                await rejections.RecordAsync(withdrawal.Source, refusal, null, inputKey, withdrawal.EventId, EventCatalogue.For<ConsentWithdrawn>().Name, cancellationToken);
                continue;
            }

            if (!applied)
            {
                // The first kept withdrawal stands, as the first registered one does; insert-only, so a redelivery changes nothing.
                await store.WithdrawAsync(new ConsentWithdrawal(record.ConsentId, withdrawal.EffectiveAt, withdrawal.StatedAt, withdrawal.EventId, time.GetUtcNow()), cancellationToken);
                ConsentLog.Withdrawn(logger, record.ConsentId, withdrawal.Source);
                applied = true;
            }
        }

        if (applied)
        {
            await recalls.SyncAndSendAsync(RecallCause.ForConsent(record.ConsentId), context, cancellationToken);
        }
    }

    private static string? ScopeProblem(ConsentRecorded recorded, IReadOnlyList<string> pseudonyms)
    {
        if (string.IsNullOrWhiteSpace(recorded.ConsentId))
        {
            return "consentId is missing";
        }

        if (pseudonyms.Count == 0)
        {
            return $"consent {recorded.ConsentId} identifies no person: the envelope carries no subject identifier";
        }

        if (recorded.Purposes is null || recorded.Purposes.Count == 0 || recorded.Purposes.Any(string.IsNullOrWhiteSpace))
        {
            return $"consent {recorded.ConsentId} names no purpose";
        }

        if (recorded.AgreementId is not null && recorded.Recipients.Count > 0)
        {
            return $"consent {recorded.ConsentId} names both recipients and an agreement; its scope must be one or the other";
        }

        if (recorded.ExpiresAt is { } expires && expires <= recorded.GivenAt)
        {
            return $"consent {recorded.ConsentId} expires before it is given";
        }

        return string.IsNullOrWhiteSpace(recorded.EvidenceRef) ? $"consent {recorded.ConsentId} has no evidence reference" : null;
    }

    /// <summary>The agreement's parties now: what the person was told when they consented. Null when no such agreement is loaded.</summary>
    private IReadOnlyList<string>? PartiesOf(string agreementId)
    {
        var agreement = (agreements.Current as AgreementDecisionEngine)?.Agreements.Agreements.FirstOrDefault(a => a.Id == agreementId);
        if (agreement is null)
        {
            return null;
        }

        var parties = agreement.Parties.Count > 0
            ? agreement.Parties
            : [.. agreement.Flows.SelectMany(f => f.Recipients.Append(f.Source))];
        return [.. parties.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string HashOf(ConsentRecord record)
    {
        var defining = new { record.RecordedBy, record.Purposes, record.Recipients, record.AgreementId, record.GivenAt, record.ExpiresAt, record.EvidenceRef, record.SubjectPseudonyms };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(defining)));
    }

    private async Task RejectAsync(ConsumeContext context, AgencyCode source, string code, string reason, IShareableEvent @event) =>
        await RejectAsync<bool>(context, source, code, reason, @event);

    private async Task<T> RejectAsync<T>(ConsumeContext context, AgencyCode source, string code, string reason, IShareableEvent @event)
    {
        var rejection = new IngressRejection(code, reason);
        var eventType = EventCatalogue.TryGet(@event.GetType(), out var info) ? info.Name : null;
        await rejections.RecordAsync(source.Value, rejection, context.MessageId?.ToString(), context.ReceiveContext.Body.GetBytes(), @event.Envelope.EventId, eventType, context.CancellationToken);
        throw new IngressRejectedException(rejection);
    }
}
