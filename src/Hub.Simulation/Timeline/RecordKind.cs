namespace Hub.Simulation.Timeline;

/// <summary>The kinds of record the simulator writes, each into one agency's source in that agency's own format.</summary>
public enum RecordKind
{
    /// <summary>A NEW row of a prison release list (probation).</summary>
    ReleaseNotice,

    /// <summary>An AMENDED row of a release list, superseding an earlier notice (probation).</summary>
    ReleaseAmendment,

    /// <summary>A GIVEN row of the consents list: an enhanced-resettlement opt-in under DSA-009 (probation).</summary>
    ConsentGiven,

    /// <summary>A WITHDRAWN row of the consents list (probation).</summary>
    ConsentWithdrawn,

    /// <summary>A homelessness application asking DWP to verify a declared job (council).</summary>
    HousingApplication,

    /// <summary>DWP's answer to a status query (JCP).</summary>
    StatusCheck,
}
