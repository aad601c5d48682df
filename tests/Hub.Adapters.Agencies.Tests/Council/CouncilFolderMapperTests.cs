using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Council.EmploymentChecks;
using Hub.Adapters.Council.Housing;
using Hub.Adapters.Council.Performance;
using Hub.Adapters.Council.Registration;
using Hub.Adapters.Council.Sources;
using Hub.Adapters.Council.TroubledFamilies;
using Hub.Adapters.Council.WaysIntoWork;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Envelope;
using Hub.Contracts.Family.V1;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Registration.V1;

namespace Hub.Adapters.Agencies.Tests.Council;

public sealed class CouncilFolderMapperTests
{
    private readonly CouncilFolderMapper _mapper = new(
        new HousingApplicationMapper(),
        new EmploymentCheckRequestMapper(),
        new ProgrammeExitMapper(),
        new CaseConferenceMapper(),
        new BirthRegistrationMapper(),
        new PerformanceReturnMapper());

    [Fact]
    public void When_housing_applications_are_dropped_should_ask_dwp_as_housing_options_and_name_the_bad_fields()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "housing-applications.json");

        var query = rows[0].Event.ShouldBeOfType<EmploymentStatusQueried>();
        query.RequestingProvider.ShouldBe("housing-options");
        query.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        Fields(rows[1]).ShouldBe(["applicantNino", "declaredJobStart"], ignoreOrder: true);
    }

    [Fact]
    public void When_the_check_log_is_dropped_should_ask_for_ways_into_work_on_consent_and_for_troubled_families_under_s131()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "employment-check-requests.csv");

        var outcome = rows[0].Event.ShouldBeOfType<EmploymentStatusQueried>();
        outcome.RequestingProvider.ShouldBe("ways-into-work");
        outcome.CheckpointWeeks.ShouldBe(26);
        outcome.Envelope.Consent.ConsentRef.ShouldBe("C-WIW-2231");
        outcome.Envelope.Consent.CollectionPurpose.ShouldBe("job-outcome-verification");
        var family = rows[1].Event.ShouldBeOfType<EmploymentStatusQueried>();
        family.RequestingProvider.ShouldBe("troubled-families-team");
        family.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        family.Envelope.Consent.ConsentRef.ShouldBeNull();
        family.Envelope.Consent.CollectionPurpose.ShouldBe("troubled-families");
        family.QueryId.ShouldBe(family.Envelope.EventId);
        family.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_check_requests_are_invalid_should_name_each_bad_column_without_values()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "employment-check-requests.csv");

        Fields(rows[2]).ShouldBe(["nino", "consent_ref", "checkpoint_weeks"], ignoreOrder: true);
        Fields(rows[3]).ShouldBe(["checkpoint_weeks", "consent_ref"], ignoreOrder: true);
        rows.SelectMany(r => r.Problems).ShouldAllBe(p => !p.Contains("AB12345") && !p.Contains("twelve") && !p.Contains("C-TF-0419"));
    }

    [Fact]
    public void When_ways_into_work_exits_are_dropped_should_tell_jcp_support_ended_with_the_contract_outcome()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "wiw-programme-exits.csv");

        var ended = rows[0].Event.ShouldBeOfType<SupportEnded>();
        ended.ReferralId.ShouldBe("REF-2026-0112");
        ended.EndedOn.ShouldBe(new DateOnly(2027, 11, 22));
        ended.Outcome.ShouldBe("returned-to-jcp");
        ended.Envelope.Subject!.Nino.ShouldBe("JY468024A");
        ended.Envelope.Consent.CollectionPurpose.ShouldBe("employment-support");
        rows[1].Event.ShouldBeOfType<SupportEnded>().Outcome.ShouldBe("employed");
        Fields(rows[2]).ShouldBe(["nino", "jcp_referral_id", "exit_date", "exit_reason", "consent_ref"], ignoreOrder: true);
        rows[2].Problems.ShouldAllBe(p => !p.Contains("JZ204060") && !p.Contains("RETIRED"));
    }

    [Fact]
    public void When_case_conferences_are_dropped_should_publish_each_panel_under_s131_with_its_programme_and_criteria()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "tf-case-conferences.json");

        var panel = rows[0].Event.ShouldBeOfType<CaseConferenceConvened>();
        panel.FamilyId.ShouldBe("TF-FAM-0419");
        panel.Programme.ShouldBe("troubled-families");
        panel.ConvenedFor.ShouldBe(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        panel.CrimeOrAntisocialBehaviour.ShouldBe(true);
        panel.AdultOutOfWork.ShouldBe(true);
        panel.ChildrenInHousehold.ShouldBe(3);
        panel.Envelope.Subject!.PncId.ShouldBe("2020/0455123C");
        panel.Envelope.Classification.ShouldBe(DataClassification.CriminalOffence);
        panel.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        panel.Envelope.Validate().ShouldBeEmpty();
        rows[1].Event.ShouldBeOfType<CaseConferenceConvened>().Programme.ShouldBe("early-help");
    }

    [Fact]
    public void When_a_case_conference_is_invalid_should_name_each_bad_field_without_values()
    {
        var rejected = DropSamples.Prepare(_mapper, "council", "tf-case-conferences.json")[2];

        Fields(rejected).ShouldBe(["familyId", "convenedAt", "leadAdult.nhsNumber", "leadAdult.pncId", "childrenInHousehold"], ignoreOrder: true);
        rejected.Problems.ShouldAllBe(p => !p.Contains("9990000000") && !p.Contains("2020/1234567A"));
    }

    [Fact]
    public void When_birth_registrations_are_dropped_should_tell_dwp_under_tell_us_once_only_where_the_informant_took_it_up()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "birth-registrations.csv");

        var birth = rows[0].Event.ShouldBeOfType<BirthRecorded>();
        birth.RegistrationId.ShouldBe("LEW-2026-B-0412");
        birth.RegistrationDistrict.ShouldBe("lewisham");
        birth.RegisteredOn.ShouldBe(new DateOnly(2026, 11, 19));
        birth.ChildDateOfBirth.ShouldBe(new DateOnly(2026, 11, 2));
        birth.JointRegistration.ShouldBe(true);
        birth.MultipleBirth.ShouldBe(false);
        birth.Envelope.Subject!.Nino.ShouldBe("JZ246813A");
        birth.Envelope.Consent.LegalGateway.ShouldBe("TUO-REG");
        birth.Envelope.Consent.CollectionPurpose.ShouldBe("birth-registration");
        Fields(rows[1]).ShouldBe(["tell_us_once"]);
        Fields(rows[2]).ShouldBe(["child_date_of_birth", "informant_nino", "multiple_birth"], ignoreOrder: true);
        rows.SelectMany(r => r.Problems).ShouldAllBe(p => !p.Contains("Specimen") && !p.Contains("XX123456Z") && !p.Contains("2026-12-01"));
    }

    [Fact]
    public void When_performance_returns_are_dropped_should_submit_aggregate_indicators_with_no_subject_and_no_footing()
    {
        var rows = DropSamples.Prepare(_mapper, "council", "performance-returns.json");

        var submitted = rows[0].Event.ShouldBeOfType<IndicatorsSubmitted>();
        submitted.Period.ShouldBe("2026-Q3");
        submitted.ReportingBody.ShouldBe("lewisham");
        submitted.Indicators.ShouldBe([new IndicatorValue { Code = "NI-039", Value = 212.4m }, new IndicatorValue { Code = "NI-123", Value = 18.7m }, new IndicatorValue { Code = "NI-152", Value = 12.5m }]);
        submitted.Envelope.Subject.ShouldBeNull();
        submitted.Envelope.Classification.ShouldBe(DataClassification.AggregateNonPersonal);
        submitted.Envelope.Consent.ConsentRef.ShouldBeNull();
        submitted.Envelope.Consent.LegalGateway.ShouldBeNull();
        submitted.Envelope.Validate().ShouldBeEmpty();
        Fields(rows[1]).ShouldBe(["period", "indicators[0].value", "indicators[1].code"], ignoreOrder: true);
    }

    [Fact]
    public void When_a_file_matches_no_pattern_should_reject_it_naming_the_file()
    {
        var row = DropSamples.Read("council", "birth-registrations.csv")[0] with { File = "death-registrations.csv" };

        var mapping = _mapper.Map(row, new RecordContext(Hub.Contracts.Agencies.AgencyCode.Council, Guid.NewGuid(), "death-registrations.csv row 1"));

        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("file:");
    }

    private static IReadOnlyList<string> Fields(RecordMapping mapping)
    {
        mapping.Event.ShouldBeNull();
        return [.. mapping.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)])];
    }
}
