using Hub.Adapters.Agencies.Tests.Support;
using Hub.Adapters.Nhs.Referrals;
using Hub.Contracts.Envelope;

namespace Hub.Adapters.Agencies.Tests.Nhs;

public sealed class ServiceRequestReferralMapperTests
{
    private readonly ServiceRequestReferralMapper _mapper = new();

    [Fact]
    public void When_a_passport_referral_cites_its_consent_should_map_to_referral_created_under_that_consent()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "service-request-referral.json")));

        result.Problems.ShouldBeEmpty();
        var referral = result.Value.ShouldNotBeNull();
        referral.ReferralId.ShouldBe("ELFT-REF-3307");
        referral.Programme.ShouldBe("recovery-and-social-inclusion");
        referral.Provider.ShouldBe("ways-into-work");
        referral.ReferredOn.ShouldBe(new DateOnly(2026, 11, 23));
        referral.SupportNeeds.ShouldBe(["confidence", "volunteering-first", "benefits-advice"]);
        referral.MentalHealthIndicator.ShouldBe(true);
        referral.Envelope.Subject!.NhsNumber.ShouldBe("9990000158");
        referral.Envelope.Subject.Nino.ShouldBe("JY112358B");
        referral.Envelope.Subject.LocalId.ShouldBe("ELFT-3307");
        referral.Envelope.Consent.ConsentRef.ShouldBe("P-ELFT-3307");
        referral.Envelope.Consent.LegalGateway.ShouldBeNull();
        referral.Envelope.Consent.CollectionPurpose.ShouldBe("information-passport");
        referral.Envelope.Classification.ShouldBe(DataClassification.Personal);
        referral.Envelope.OccurredAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        referral.Envelope.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void When_the_referral_is_a_draft_without_consent_and_with_a_malformed_nino_should_name_each_field_and_no_values()
    {
        var result = _mapper.Map(File.ReadAllText(RepoPaths.Sample("nhs", "service-request-invalid.json")));

        result.Succeeded.ShouldBeFalse();
        result.Problems.Select(p => p.Field).ShouldBe(
            ["ServiceRequest.status", "ServiceRequest.contained[Patient].identifier[nino]", "ServiceRequest.supportingInfo[consent].identifier.value"],
            ignoreOrder: true);
        result.Problems.ShouldAllBe(p => !p.ToString().Contains("QQ123456Z") && !p.ToString().Contains("ELFT-REF-3399"));
    }

    [Fact]
    public void When_the_subject_points_at_no_contained_patient_should_be_refused_by_base_r4_validation_naming_the_reference()
    {
        var json = File.ReadAllText(RepoPaths.Sample("nhs", "service-request-referral.json")).Replace("\"#patient\"", "\"#someone-else\"", StringComparison.Ordinal);

        // Base R4 refuses a local reference to nothing contained (and a contained resource nothing references).
        var problems = _mapper.Map(json).Problems;
        problems.Select(p => p.Field).ShouldContain("ServiceRequest.subject[0]");
        problems.ShouldAllBe(p => p.Problem.StartsWith("fhir-invalid: validator issue "));
    }
}
