using Hub.Adapters.Core.Sources.Http;
using Hub.Adapters.Council.EmploymentChecks;
using Hub.Adapters.Council.Housing;
using Hub.Adapters.Council.Performance;
using Hub.Adapters.Council.Registration;
using Hub.Adapters.Council.TroubledFamilies;
using Hub.Adapters.Council.WaysIntoWork;

namespace Hub.Adapters.Council.Sources;

/// <summary>
/// What council systems may POST one at a time, in their own shapes (camelCase). Two systems ask DWP about
/// employment, so <c>employment.status.queried</c> takes the check-log shape (Ways into Work and Troubled Families);
/// housing options sends its applications through the drop folder. There is deliberately no route for
/// <c>employment.status.answered</c>: the council only receives DWP's answers (s131 data it may not republish;
/// DSA-013 F9 forbids it to police and no agreement lets the council share it with anyone).
/// </summary>
public sealed class CouncilHttpMapper : EventTypeRoutedMapper
{
    public CouncilHttpMapper(
        EmploymentCheckRequestMapper checks,
        ProgrammeExitMapper exits,
        CaseConferenceMapper conferences,
        BirthRegistrationMapper births,
        PerformanceReturnMapper returns)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(exits);
        ArgumentNullException.ThrowIfNull(conferences);
        ArgumentNullException.ThrowIfNull(births);
        ArgumentNullException.ThrowIfNull(returns);
        Route("employment.status.queried", (EmploymentCheckRequestRecord r) => checks.Map(r));
        Route("employment.support.ended", (ProgrammeExitRecord r) => exits.Map(r));
        Route("family.case-conference.convened", (CaseConferenceRecord r) => conferences.Map(r));
        Route("registration.birth.recorded", (BirthRegistrationRecord r) => births.Map(r));
        Route("performance.indicators.submitted", (PerformanceReturnRecord r) => returns.Map(r));
    }
}
