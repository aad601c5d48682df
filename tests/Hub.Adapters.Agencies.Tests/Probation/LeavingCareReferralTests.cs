using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Core.Mapping;
using Hub.Adapters.Core.Sources.Records;
using Hub.Adapters.Probation.Sources;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.LeavingCare.V1;

namespace Hub.Adapters.Agencies.Tests.Probation;

/// <summary>samples/probation/leaving-care-referrals.csv (DSA-017, AS-17) through the drop folder's reading path.</summary>
public sealed class LeavingCareReferralTests
{
    private readonly IReadOnlyList<RecordMapping> _rows = DropSamples.Prepare(new ProbationFolderMapper(new ProbationMappers()), "probation", "leaving-care-referrals.csv");

    [Fact]
    public void When_a_lambeth_care_leaver_lives_in_southwark_should_name_both_authorities_as_codes()
    {
        var need = _rows[0].Event.ShouldBeOfType<AccommodationNeedIdentified>();

        need.ReferralId.ShouldBe("DTR-2026-1744");
        need.ResponsibleAuthority.ShouldBe("lambeth");
        need.ResidenceAuthority.ShouldBe("southwark");
        need.IdentifiedOn.ShouldBe(new DateOnly(2026, 11, 18));
        need.AccommodationNeededBy.ShouldBe(new DateOnly(2026, 12, 4));
        need.CurrentAccommodation.ShouldBe("custody");
        need.ContactAddress.ShouldBe("c/o 4 Example Terrace");
        need.DateOfBirth.ShouldBe(new DateOnly(2006, 5, 1));
        need.LeavingCareTeam.ShouldBe("lambeth-leaving-care-2");
        need.PathwayPlanInPlace.ShouldBe(true);
        need.Envelope.Subject!.LocalId.ShouldBe("PRB-001744");
        need.Envelope.Subject.Nino.ShouldBe("JZ135792C");
        need.Envelope.Classification.ShouldBe(DataClassification.Personal);
        need.Envelope.Consent.ConsentRef.ShouldBe("DTR-C-1744");
        need.Envelope.Consent.LegalGateway.ShouldBeNull();
        need.Envelope.Consent.CollectionPurpose.ShouldBe("resettlement-housing");
        need.Envelope.EventId.ShouldBe(RecordEventIds.For(AgencyCode.Probation, "leaving-care-referral", "DTR-2026-1744"));
    }

    [Fact]
    public void When_a_southwark_care_leaver_lives_in_lambeth_should_route_the_other_way_round()
    {
        var need = _rows[1].Event.ShouldBeOfType<AccommodationNeedIdentified>();

        need.ResponsibleAuthority.ShouldBe("southwark");
        need.ResidenceAuthority.ShouldBe("lambeth");
        need.PathwayPlanInPlace.ShouldBe(false);
        need.ContactAddress.ShouldBeNull();
        need.Envelope.Subject!.PncId.ShouldBe("2022/0777001A");
    }

    [Fact]
    public void When_a_referral_is_incomplete_should_name_every_bad_column_and_no_value()
    {
        var problems = _rows[2].Problems;

        problems.Select(p => p.Split(':')[0]).ShouldBe(["crn", "pnc_id", "identified_on", "residence_la", "date_of_birth", "pathway_plan", "dtr_consent_ref"], ignoreOrder: true);
        problems.ShouldAllBe(p => !p.Contains("2004/0001744X") && !p.Contains("20/11/2026") && !p.Contains("2007-02-30") && !p.Contains("maybe"));
    }

    [Fact]
    public void When_no_free_text_notes_are_shared_should_leave_them_out_of_the_event()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(_rows[0].Event, _rows[0].Event!.GetType(), Hub.Contracts.ContractJson.Options);

        json.ShouldNotContain("sibling");
    }
}
