using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Council.EmploymentChecks;
using Hub.Adapters.Council.Housing;
using Hub.Adapters.Council.Performance;
using Hub.Adapters.Council.Registration;
using Hub.Adapters.Council.TroubledFamilies;
using Hub.Adapters.Council.WaysIntoWork;

namespace Hub.Adapters.Council.Sources;

/// <summary>
/// What the council drop folder reads, by file name: exports of the housing options, employment-check log, Ways into
/// Work, Troubled Families, register office and performance systems (formats in <c>samples/council/</c>).
/// </summary>
public sealed class CouncilFolderMapper : FileRoutedMapper
{
    public CouncilFolderMapper(
        HousingApplicationMapper housing,
        EmploymentCheckRequestMapper checks,
        ProgrammeExitMapper exits,
        CaseConferenceMapper conferences,
        BirthRegistrationMapper births,
        PerformanceReturnMapper returns)
    {
        ArgumentNullException.ThrowIfNull(housing);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(exits);
        ArgumentNullException.ThrowIfNull(conferences);
        ArgumentNullException.ThrowIfNull(births);
        ArgumentNullException.ThrowIfNull(returns);
        Route("housing-applications*.json", (HousingApplicationRecord r) => housing.Map(r));
        Route("employment-check-requests*.csv", (EmploymentCheckRequestRecord r) => checks.Map(r));
        Route("wiw-programme-exits*.csv", (ProgrammeExitRecord r) => exits.Map(r));
        Route("tf-case-conferences*.json", (CaseConferenceRecord r) => conferences.Map(r));
        Route("birth-registrations*.csv", (BirthRegistrationRecord r) => births.Map(r));
        Route("performance-returns*.json", (PerformanceReturnRecord r) => returns.Map(r));
    }
}
