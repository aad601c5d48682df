namespace Hub.Simulation.Formats;

/// <summary>
/// The files the simulator drops, in the order it writes them within a batch: consents before the release list that
/// cites them, so the probation adapter (which takes its inbox oldest first) registers the consent first.
/// </summary>
public enum DropFileKind
{
    /// <summary><c>probation/inbox/consents-*.csv</c>.</summary>
    Consents,

    /// <summary><c>probation/inbox/release-list-*.csv</c> (samples/probation/release-list.csv).</summary>
    ReleaseList,

    /// <summary><c>council/inbox/housing-applications-*.json</c> (samples/council/housing-applications.json).</summary>
    HousingApplications,

    /// <summary><c>jcp/inbox/status-checks-*.csv</c> (samples/jcp/employment-status-checks.csv).</summary>
    StatusChecks,
}
