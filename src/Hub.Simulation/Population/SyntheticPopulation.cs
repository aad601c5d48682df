using System.Globalization;
using Hub.Simulation.Randomness;
using Hub.Simulation.Workload;

namespace Hub.Simulation.Population;

/// <summary>
/// The residents of the simulated area, <see cref="WorkloadProfile.Residents"/> times the scale. People are never
/// stored: <see cref="Person"/> derives one from its index and the run key, so a scale of 100 costs no memory. The first
/// indices are the JSA pool, then the IB/ESA pool (§4a sizes, times the scale); everyone after is not claiming.
/// </summary>
public sealed class SyntheticPopulation
{
    private readonly ulong _runKey;

    public SyntheticPopulation(ulong runKey, double scale, WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        _runKey = runKey;
        JsaPool = (long)Math.Round(profile.JsaClaimants * scale);
        IbEsaPool = (long)Math.Round(profile.IbEsaClaimants * scale);
        Size = Math.Max((long)Math.Round(profile.Residents * scale), JsaPool + IbEsaPool + 1);
    }

    public long Size { get; }

    public long JsaPool { get; }

    public long IbEsaPool { get; }

    /// <summary>Lewisham: the §4a figures are Lewisham's, and DSA-001 shares only releases resettling there.</summary>
    public static string Borough => "lewisham";

    public ClaimantStatus StatusOf(long index) =>
        index < JsaPool ? ClaimantStatus.Jsa : index < JsaPool + IbEsaPool ? ClaimantStatus.IbEsa : ClaimantStatus.None;

    public long RandomResident(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextLong(Size);
    }

    public SyntheticPerson Person(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = SimRandom.Stream(_runKey, "person", index);

        // Identifiers are scrambled by the run key so two seeds do not hand out the same people in the same order.
        var identity = (long)(SimRandom.Mix(_runKey ^ (ulong)index) % 4_000_000_000UL);
        return new SyntheticPerson
        {
            Index = index,
            GivenName = random.Pick(FictionalNames.GivenNames),
            FamilyName = random.Pick(FictionalNames.FamilyNames),
            NhsNumber = SyntheticIdentities.NhsNumber(identity),
            Nino = SyntheticIdentities.Nino(identity),
            PncId = SyntheticIdentities.PncId(identity),
            NomsId = SyntheticIdentities.NomsId(identity),
            Borough = Borough,
            Address = string.Create(CultureInfo.InvariantCulture, $"Flat {random.Between(1, 40)}, {random.Between(1, 250)} {random.Pick(FictionalNames.Streets)}, London SE99 {random.Between(1, 9)}ZZ"),
            Claimant = StatusOf(index),
        };
    }
}
