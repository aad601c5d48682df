using Hub.Contracts.Subjects;
using Hub.Simulation.Population;
using Hub.Simulation.Workload;

namespace Hub.Simulation.Tests.Population;

public sealed class SyntheticPopulationTests
{
    private readonly SyntheticPopulation _population = new(runKey: 42, scale: 1, WorkloadProfile.Lewisham);

    [Fact]
    public void When_people_are_made_should_carry_identifiers_the_contract_validators_accept()
    {
        for (long index = 0; index < 5_000; index += 7)
        {
            var person = _population.Person(index);
            var identifiers = new SubjectIdentifiers { NhsNumber = person.NhsNumber, PncId = person.PncId, Nino = person.Nino, LocalId = person.NomsId };

            identifiers.Validate().ShouldBeEmpty();
            person.NhsNumber.ShouldStartWith("999");
            person.Nino.ShouldStartWith(SyntheticIdentities.NinoPrefix);
            person.NomsId.ShouldMatch("^Z[0-9]{4}[A-Z]{2}$");
        }
    }

    [Fact]
    public void When_identities_are_made_across_the_ranges_should_all_be_valid()
    {
        foreach (var index in new long[] { 0, 1, 10, 999_999, 1_000_000, 3_999_999, 4_000_000, 123_456_789 })
        {
            NhsNumber.IsValid(SyntheticIdentities.NhsNumber(index)).ShouldBeTrue();
            NationalInsuranceNumber.IsValid(SyntheticIdentities.Nino(index)).ShouldBeTrue();
            PncId.IsValid(SyntheticIdentities.PncId(index)).ShouldBeTrue();
        }
    }

    [Fact]
    public void When_asked_twice_for_a_person_should_give_the_same_person()
    {
        _population.Person(1234).ShouldBe(_population.Person(1234));
        new SyntheticPopulation(43, 1, WorkloadProfile.Lewisham).Person(1234).Nino.ShouldNotBe(_population.Person(1234).Nino);
    }

    [Fact]
    public void When_sized_for_a_borough_should_hold_the_section_4a_claimant_pools()
    {
        _population.JsaPool.ShouldBe(8_530);
        _population.IbEsaPool.ShouldBe(19_090);
        _population.Size.ShouldBe(260_000);
        _population.StatusOf(0).ShouldBe(ClaimantStatus.Jsa);
        _population.StatusOf(8_530).ShouldBe(ClaimantStatus.IbEsa);
        _population.StatusOf(8_530 + 19_090).ShouldBe(ClaimantStatus.None);
        new SyntheticPopulation(42, 13, WorkloadProfile.Lewisham).JsaPool.ShouldBe(13 * 8_530);
    }

    [Fact]
    public void When_people_are_made_should_have_fictional_names_and_addresses()
    {
        var person = _population.Person(77);

        person.Address.ShouldContain("London SE99");
        person.FamilyName.ShouldNotBeNullOrWhiteSpace();
        person.Borough.ShouldBe("lewisham");
    }
}
