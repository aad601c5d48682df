using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.StatusChecks;

namespace Hub.Adapters.Jcp.Sources;

/// <summary>
/// What the JCP drop folder reads, by file name: the benefit system's answered employment-status checks and the
/// adviser system's provider-referral log (formats in <c>samples/jcp/</c>).
/// </summary>
public sealed class JcpFolderMapper : FileRoutedMapper
{
    public JcpFolderMapper(EmploymentStatusCheckMapper statusChecks, ProgrammeReferralMapper referrals)
    {
        ArgumentNullException.ThrowIfNull(statusChecks);
        ArgumentNullException.ThrowIfNull(referrals);
        Route("employment-status-checks*.csv", (EmploymentStatusCheckRecord r) => statusChecks.Map(r));
        Route("status-checks*.csv", (EmploymentStatusCheckRecord r) => statusChecks.Map(r));
        Route("programme-referrals*.csv", (ProgrammeReferralRecord r) => referrals.Map(r));
    }
}
