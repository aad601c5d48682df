using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Probation.Releases;
using Hub.Contracts.Custody.V1;

namespace Hub.Adapters.Agencies.Tests.Probation;

public sealed class ReleaseNoticeMapperTests
{
    private readonly ReleaseNoticeMapper _mapper = new();
    private readonly IReadOnlyList<ReleaseNoticeRecord> _rows = DropSamples.Records<ReleaseNoticeRecord>("probation", "release-list.csv");

    [Fact]
    public void When_a_new_notice_is_read_should_schedule_a_release_under_ORA_s7_with_the_area_in_lower_case()
    {
        var release = _mapper.Map(_rows[0]).Value.ShouldBeOfType<ReleaseScheduled>();

        release.ReleaseDate.ShouldBe(new DateOnly(2026, 11, 30));
        release.ResettlementArea.ShouldBe("lewisham");
        release.SentenceBand.ShouldBe(SentenceBand.UnderTwelveMonths);
        release.CohortTier.ShouldBe("iom", "the contract carries tiers in lower case, as DSA-008/009 compare them");
        release.SubstanceMisuseFlag.ShouldBe(true);
        release.Envelope.Subject!.PncId.ShouldBe("2019/0123456E");
        release.Envelope.Subject.LocalId.ShouldBe("A1234BC");
        release.Envelope.Consent.LegalGateway.ShouldBe("ORA2014-s7");
        release.Envelope.Consent.CollectionPurpose.ShouldBe("offender-management");
        release.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_an_amendment_is_read_should_supersede_the_event_of_the_earlier_notice()
    {
        var scheduled = _mapper.Map(_rows[0]).Value!;
        var amended = _mapper.Map(_rows[1]).Value.ShouldBeOfType<ReleaseAmended>();

        amended.SupersedesEventId.ShouldBe(scheduled.Envelope.EventId);
        amended.PreviousReleaseDate.ShouldBe(new DateOnly(2026, 11, 30));
        amended.WeekendRelease.ShouldBeTrue();
        amended.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_an_opt_in_consent_is_recorded_should_tag_the_event_with_it_instead_of_the_gateway()
    {
        var row = _rows[0];
        row.OptInConsentRef = "C-LEW-OPTIN-0955";

        var consent = _mapper.Map(row).Value!.Envelope.Consent;

        consent.ConsentRef.ShouldBe("C-LEW-OPTIN-0955");
        consent.LegalGateway.ShouldBeNull();
        consent.CollectionPurpose.ShouldBe("enhanced-resettlement");
    }

    [Fact]
    public void When_a_row_is_invalid_should_name_every_bad_column_and_no_value()
    {
        var result = _mapper.Map(_rows[2]);

        result.Problems.Select(p => p.Field).ShouldBe(["pnc_id", "cohort_tier", "sentence_months", "resettlement_area", "substance_misuse_flag"], ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("2021/0088888X") && !p.ToString().Contains("B2345CD"));
    }
}
