using Hub.Adapters.Core.Sources.ChangeTable;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.StatusChecks;

namespace Hub.Adapters.Jcp.Sources;

/// <summary>
/// What the JCP change table holds, by <c>record_kind</c>: answered employment-status checks and provider
/// referrals, with the same columns as the CSV exports (<c>samples/jcp/</c>), so a row maps to the same event, and
/// the same event id, whichever way it leaves the benefit system.
/// </summary>
public sealed class JcpChangeMapper : ChangeKindRoutedMapper
{
    public const string StatusCheckKind = "employment-status-check";
    public const string ReferralKind = "programme-referral";

    public JcpChangeMapper(EmploymentStatusCheckMapper statusChecks, ProgrammeReferralMapper referrals)
    {
        ArgumentNullException.ThrowIfNull(statusChecks);
        ArgumentNullException.ThrowIfNull(referrals);
        Route(StatusCheckKind, (EmploymentStatusCheckRecord r) => statusChecks.Map(r));
        Route(ReferralKind, (ProgrammeReferralRecord r) => referrals.Map(r));
    }
}
