using Hub.Sharing.Agreements;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// <c>--as-signed</c>: a draft agreement is not in force, so replayed as written it permits nothing. Replayed as
/// signed, each <c>draft</c> agreement is taken as active from the start of the window (or its own effective date, if
/// earlier), its expiry unchanged, so the replay shows what signing it off would have done to the recorded traffic.
/// </summary>
internal static class DraftSigning
{
    public static AgreementSet AsSigned(AgreementSet draft, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var from = DateOnly.FromDateTime(since.UtcDateTime);
        return draft with
        {
            Agreements = [.. draft.Agreements.Select(a => a.Status != AgreementStatus.Draft ? a : a with
            {
                Status = AgreementStatus.Active,
                Effective = a.Effective < from ? a.Effective : from,
            })],
        };
    }
}
