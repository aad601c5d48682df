using System.Globalization;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Simulation.Population;
using Hub.Simulation.Randomness;

namespace Hub.Simulation.Timeline;

/// <summary>
/// A day of housing options work (AS-13): applicants drawn from the whole population declare a job, housing asks DWP
/// to verify it, and JCP answers from the claim record: the §4a pools decide what the claim record says.
/// </summary>
internal sealed class HousingGenerator(SimulationSettings settings, SyntheticPopulation population)
{
    /// <summary>The record kind the council adapter derives a housing query's id from (HousingApplicationMapper).</summary>
    public const string CouncilQueryKind = "housing-application-s131";

    public IEnumerable<ISimulatedRecord> Day(DateOnly day)
    {
        if (ReleaseDates.IsWeekend(day))
        {
            yield break;
        }

        var random = SimRandom.Stream(settings.RunKey, "housing", day.DayNumber);
        var count = random.Poisson(settings.Profile.HousingQueriesPerYear * settings.Scale / ReleaseDates.WorkingDaysPerYear);
        for (var i = 0; i < count; i++)
        {
            var applicant = population.Person(population.RandomResident(random));
            var reference = string.Create(CultureInfo.InvariantCulture, $"HOP-{settings.RunTag}-{day:yyyyMMdd}-{i:0000}");
            var application = new HousingApplication
            {
                ApplicationRef = reference,
                SubmittedAt = ReleaseDates.At(day, random.Between(9 * 60, 17 * 60)),
                Applicant = applicant,
                DeclaredJobStart = day.AddDays(-random.Between(7, 364)),
                QueryId = RecordEventIds.For(AgencyCode.Council, CouncilQueryKind, reference),
            };
            yield return application;
            yield return Answer(application, random);
        }
    }

    private StatusCheckAnswer Answer(HousingApplication application, SimRandom random)
    {
        var profile = settings.Profile;
        var person = application.Applicant;
        var (status, claim) = person.Claimant switch
        {
            ClaimantStatus.Jsa => (random.Chance(profile.JsaInWorkShare) ? "IN_WORK" : "NOT_IN_WORK", "JSA"),
            ClaimantStatus.IbEsa => (random.Chance(profile.IbEsaInWorkShare) ? "IN_WORK" : "NOT_IN_WORK", "ESA"),
            _ => (random.Chance(profile.NotKnownShare) ? "NOT_KNOWN" : "IN_WORK", null),
        };
        return new StatusCheckAnswer
        {
            QueryId = application.QueryId,
            Person = person,
            ClaimRef = claim is null ? null : string.Create(CultureInfo.InvariantCulture, $"{claim}-{settings.RunTag}-{person.Index:0000000}"),
            Status = status,
            AnsweredAt = application.SubmittedAt.AddMinutes(random.Between(20, 2 * 24 * 60)),
        };
    }
}
