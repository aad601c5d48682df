using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Probation.Assessments;
using Hub.Adapters.Probation.Releases;
using Hub.Adapters.Probation.Transfers;

namespace Hub.Adapters.Probation.Sources;

/// <summary>
/// What the probation drop folder reads, by file name: the prisons' release lists, OASys assessment exports and
/// case-transfer lists (formats in <c>samples/probation/</c>).
/// </summary>
public sealed class ProbationFolderMapper : FileRoutedMapper
{
    public ProbationFolderMapper(ReleaseNoticeMapper releases, OasysAssessmentMapper assessments, CaseTransferMapper transfers)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(transfers);
        Route("release-list*.csv", (ReleaseNoticeRecord r) => releases.Map(r));
        Route("oasys*.json", (OasysAssessmentRecord r) => assessments.Map(r));
        Route("case-transfers*.csv", (CaseTransferRecord r) => transfers.Map(r));
    }
}
