using Hub.Simulation.Timeline;

namespace Hub.Simulation.Formats;

/// <summary>Which agency's drop folder a kind of file goes to, and its name: the prefix each adapter's file routes match.</summary>
public static class DropFileKinds
{
    public static DropFileKind Of(RecordKind kind) => kind switch
    {
        RecordKind.ReleaseNotice or RecordKind.ReleaseAmendment => DropFileKind.ReleaseList,
        RecordKind.ConsentGiven or RecordKind.ConsentWithdrawn => DropFileKind.Consents,
        RecordKind.HousingApplication => DropFileKind.HousingApplications,
        _ => DropFileKind.StatusChecks,
    };

    public static string AgencyOf(DropFileKind kind) => kind switch
    {
        DropFileKind.ReleaseList or DropFileKind.Consents => "probation",
        DropFileKind.HousingApplications => "council",
        _ => "jcp",
    };

    public static string PrefixOf(DropFileKind kind) => kind switch
    {
        DropFileKind.ReleaseList => "release-list",
        DropFileKind.Consents => "consents",
        DropFileKind.HousingApplications => "housing-applications",
        _ => "status-checks",
    };

    public static string ExtensionOf(DropFileKind kind) => kind == DropFileKind.HousingApplications ? ".json" : ".csv";

    /// <summary><c>release-list-20261123T0900Z-3FA2C1.csv</c>: the batch's simulated start and the run tag.</summary>
    public static string FileName(DropFileKind kind, DateTimeOffset batchStart, string runTag) =>
        $"{PrefixOf(kind)}-{batchStart.UtcDateTime:yyyyMMdd'T'HHmm}Z-{runTag}{ExtensionOf(kind)}";
}
