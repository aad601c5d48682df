using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Sources.DropFolder;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Jcp.Referrals;
using Hub.Adapters.Jcp.Sources;
using Hub.Adapters.Jcp.StatusChecks;
using Hub.Contracts.Agencies;
using Hub.Contracts.Employment.V1;

namespace Hub.Adapters.Agencies.Tests.Jcp;

public sealed class JcpFolderMapperTests
{
    private readonly JcpFolderMapper _mapper = new(new EmploymentStatusCheckMapper(), new ProgrammeReferralMapper());

    [Fact]
    public void When_the_status_check_export_is_dropped_should_answer_valid_checks_and_name_the_bad_columns()
    {
        var rows = DropSamples.Prepare(_mapper, "jcp", "employment-status-checks.csv");

        var s131 = rows[0].Event.ShouldBeOfType<EmploymentStatusAnswered>();
        s131.Status.ShouldBe(EmploymentStatus.Employed);
        s131.Envelope.Consent.LegalGateway.ShouldBe("WRA2012-s131");
        s131.Envelope.Consent.CollectionPurpose.ShouldBe("homelessness-application");
        rows[1].Event.ShouldBeOfType<EmploymentStatusAnswered>().Envelope.Consent.ConsentRef.ShouldBe("C-WIW-2231");
        rows[2].Event.ShouldBeNull();
        rows[2].Problems.Select(p => p.Split(':')[0]).ShouldBe(["query_id", "nino", "status", "checked_on", "consent_ref", "purpose"], ignoreOrder: true);
        rows[2].Problems.ShouldAllBe(p => !p.Contains("QQ12345") && !p.Contains("23/11/2026") && !p.Contains("RETIRED"));
    }

    [Fact]
    public void When_a_work_programme_referral_is_dropped_should_refer_with_support_needs_on_the_claimants_consent()
    {
        var referral = DropSamples.Prepare(_mapper, "jcp", "programme-referrals.csv")[0].Event.ShouldBeOfType<ReferralCreated>();

        referral.ReferralId.ShouldBe("REF-2026-4410");
        referral.Programme.ShouldBe("work-programme");
        referral.Provider.ShouldBe("ways-into-work");
        referral.ReferredOn.ShouldBe(new DateOnly(2026, 11, 23));
        referral.SupportNeeds.ShouldBe(["confidence", "cv-writing", "travel-training"]);
        referral.MentalHealthIndicator.ShouldBe(true);
        referral.Envelope.Subject!.Nino.ShouldBe("JZ204060B");
        referral.Envelope.Consent.ConsentRef.ShouldBe("C-JCP-4410-MH");
        referral.Envelope.Consent.LegalGateway.ShouldBeNull();
        referral.Envelope.Consent.CollectionPurpose.ShouldBe("employment-support");
        referral.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_uc_pilot_screenings_are_dropped_should_publish_each_as_a_universal_credit_referral_with_its_indicator()
    {
        var rows = DropSamples.Prepare(_mapper, "jcp", "programme-referrals.csv");

        var meets = rows[1].Event.ShouldBeOfType<ReferralCreated>();
        meets.Programme.ShouldBe("universal-credit");
        meets.Provider.ShouldBe("tri-borough-pilot");
        meets.MentalHealthIndicator.ShouldBe(true);
        rows[2].Event.ShouldBeOfType<ReferralCreated>().MentalHealthIndicator.ShouldBe(false);
    }

    [Fact]
    public void When_a_referral_row_is_invalid_should_name_each_bad_column_and_quote_no_value()
    {
        var rejected = DropSamples.Prepare(_mapper, "jcp", "programme-referrals.csv")[3];

        rejected.Event.ShouldBeNull();
        rejected.Problems.Select(p => p.Split(':')[0])
            .ShouldBe(["programme_code", "provider_code", "referred_on", "nino", "mental_health_indicator", "consent_ref"], ignoreOrder: true);
        rejected.Problems.ShouldAllBe(p => !p.Contains("QQ123456") && !p.Contains("SKILLS_FIRST") && !p.Contains("maybe") && !p.Contains("23/11/2026"));
    }

    [Fact]
    public void When_the_referral_log_is_exported_again_should_give_each_referral_the_same_event_id()
    {
        var first = DropSamples.Prepare(_mapper, "jcp", "programme-referrals.csv")[0].Event!;
        var renamed = DropSamples.Read("jcp", "programme-referrals.csv")[0] with { File = "programme-referrals-2026-11-24.csv" };
        var again = _mapper.Map(renamed, new RecordContext(AgencyCode.Jcp, Guid.NewGuid(), "again")).Event!;

        again.Envelope.EventId.ShouldBe(first.Envelope.EventId);
        first.Envelope.EventId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void When_a_file_matches_no_pattern_should_reject_its_rows_naming_the_file_only()
    {
        var row = DropSamples.Read("jcp", "programme-referrals.csv")[0] with { File = "claims-export.csv" };

        var mapping = _mapper.Map(row, new RecordContext(AgencyCode.Jcp, Guid.NewGuid(), "claims-export.csv row 1"));

        mapping.Event.ShouldBeNull();
        mapping.Problems.ShouldHaveSingleItem().ShouldStartWith("file:");
        _mapper.Patterns.ShouldBe(["employment-status-checks*.csv", "status-checks*.csv", "programme-referrals*.csv"]);
    }
}
