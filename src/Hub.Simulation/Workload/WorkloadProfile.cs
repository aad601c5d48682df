namespace Hub.Simulation.Workload;

/// <summary>
/// The rates the simulator draws from, per borough-year (scale 1). Seed figures cite scenarios.md §4 (workload
/// numbers); the rest are parameters §4d says to choose, marked [INFERENCE]. docs/simulator.md lists them all.
/// </summary>
public sealed record WorkloadProfile
{
    /// <summary>§4a: "Approximately 830 people each year are released from prison into the community in Lewisham".</summary>
    public double ReleasesPerYear { get; init; } = 830;

    /// <summary>§4d: skew release days towards Friday, "e.g. 30–40%"; the rest fall Monday to Thursday.</summary>
    public double FridayShare { get; init; } = 0.35;

    /// <summary>§4a/§4d: 500 of the 830 served under 12 months (60%).</summary>
    public double UnderTwelveMonthsShare { get; init; } = 500.0 / 830;

    /// <summary>§4d: a share of releases get ≥1 amendment (dates "often changing"); the share is a parameter [INFERENCE].</summary>
    public double AmendedShare { get; init; } = 0.30;

    /// <summary>Of amended releases, those amended a second time [INFERENCE].</summary>
    public double SecondAmendmentShare { get; init; } = 0.20;

    /// <summary>Amendments that move the date onto a weekend, exercising the weekend-release marker of AS-02 [INFERENCE].</summary>
    public double WeekendAmendmentShare { get; init; } = 0.05;

    /// <summary>§4a: 33 named PPOs against ~830 releases a year.</summary>
    public double PpoShare { get; init; } = 33.0 / 830;

    /// <summary>MAPPA cases among releases [INFERENCE].</summary>
    public double MappaShare { get; init; } = 0.08;

    /// <summary>IOM cohort among releases [INFERENCE]; the rest carry no tier.</summary>
    public double IomShare { get; init; } = 0.35;

    /// <summary>Releases with no NINo on the prison record [INFERENCE].</summary>
    public double NoNinoShare { get; init; } = 0.10;

    /// <summary>Of releases below MAPPA/PPO (DSA-009's cohort), those who opt in to enhanced resettlement [INFERENCE].</summary>
    public double OptInShare { get; init; } = 0.40;

    /// <summary>Of opt-in consents, those withdrawn within 120 days of the notice [INFERENCE].</summary>
    public double WithdrawalShare { get; init; } = 0.15;

    /// <summary>§4a: "some 260,000 people live in Lewisham"; the population housing applicants are drawn from.</summary>
    public long Residents { get; init; } = 260_000;

    /// <summary>§4a: 8,530 JSA claimants (May 2009).</summary>
    public long JsaClaimants { get; init; } = 8_530;

    /// <summary>§4a: 19,090 IB/ESA and lone-parent claimants (May 2009).</summary>
    public long IbEsaClaimants { get; init; } = 19_090;

    /// <summary>
    /// Housing applications asking DWP to verify a declared job (AS-13, DSA-013). §4 gives no figure: [INFERENCE]
    /// a modest weekday stream; raise it with <c>--scale</c>.
    /// </summary>
    public double HousingQueriesPerYear { get; init; } = 1_000;

    /// <summary>Queried JSA claimants found in work: §4a's 92% off-flow within a year makes a declared job likely [INFERENCE].</summary>
    public double JsaInWorkShare { get; init; } = 0.50;

    /// <summary>Queried IB/ESA claimants found in work: §4a's 8-year average claim makes it rare [INFERENCE].</summary>
    public double IbEsaInWorkShare { get; init; } = 0.05;

    /// <summary>Non-claimants DWP holds no employment record for (answered NOT_KNOWN) [INFERENCE]; the rest IN_WORK.</summary>
    public double NotKnownShare { get; init; } = 0.15;

    /// <summary>Lewisham's defaults.</summary>
    public static WorkloadProfile Lewisham { get; } = new();
}
