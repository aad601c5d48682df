using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Consents;
using Hub.Adapters.Probation.LeavingCare;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Transfers;

namespace Hub.Adapters.Probation.Sources;

/// <summary>
/// The probation record mappers, one per record kind; the drop folder and HTTP ingest share them so a record maps
/// to the same event (and event id) whichever way it arrives.
/// </summary>
public sealed record ProbationMappers(
    ReleaseNoticeMapper Releases,
    OasysAssessmentMapper Assessments,
    CaseTransferMapper Transfers,
    ConsentRecordMapper Consents,
    LeavingCareReferralMapper LeavingCare)
{
    public ProbationMappers()
        : this(new ReleaseNoticeMapper(), new OasysAssessmentMapper(), new CaseTransferMapper(), new ConsentRecordMapper(), new LeavingCareReferralMapper())
    {
    }
}
