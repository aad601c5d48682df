using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Consents;
using Hub.Adapters.Probation.LeavingCare;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Transfers;

namespace Hub.Adapters.Probation.Sources;

/// <summary>
/// What the probation drop folder reads, by file name: the prisons' release lists, OASys assessment exports,
/// case-transfer lists, the consent register and care leavers' accommodation referrals (formats in <c>samples/probation/</c>).
/// </summary>
public sealed class ProbationFolderMapper : FileRoutedMapper
{
    public ProbationFolderMapper(ProbationMappers mappers)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        Route("release-list*.csv", (ReleaseNoticeRecord r) => mappers.Releases.Map(r));
        Route("oasys*.json", (OasysAssessmentRecord r) => mappers.Assessments.Map(r));
        Route("case-transfers*.csv", (CaseTransferRecord r) => mappers.Transfers.Map(r));
        Route("consents*.csv", (ConsentRecord r) => mappers.Consents.Map(r));
        Route("leaving-care*.csv", (LeavingCareReferralRecord r) => mappers.LeavingCare.Map(r));
    }
}
