using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.StatusChecks;

namespace Hub.Adapters.Jcp.Sources;

/// <summary>
/// What JCP systems may POST one at a time, in their own shapes (camelCase): an answered status check
/// (<c>employment.status.answered</c>) and a provider referral (<c>employment.referral.created</c>).
/// </summary>
public sealed class JcpHttpMapper : EventTypeRoutedMapper
{
    public JcpHttpMapper(EmploymentStatusCheckMapper statusChecks, ProgrammeReferralMapper referrals)
    {
        ArgumentNullException.ThrowIfNull(statusChecks);
        ArgumentNullException.ThrowIfNull(referrals);
        Route("employment.status.answered", (EmploymentStatusCheckRecord r) => statusChecks.Map(r));
        Route("employment.referral.created", (ProgrammeReferralRecord r) => referrals.Map(r));
    }
}
