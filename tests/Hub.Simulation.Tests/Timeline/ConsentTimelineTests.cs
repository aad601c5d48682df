using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Timeline;

public sealed class ConsentTimelineTests
{
    [Fact]
    public void When_a_consent_is_withdrawn_should_follow_that_consent_being_given_for_the_same_person()
    {
        var consents = Timelines.Year.Of<ConsentEntry>().ToList();
        var given = consents.Where(c => !c.Withdrawal).ToDictionary(c => c.ConsentId);
        var withdrawn = consents.Where(c => c.Withdrawal).ToList();

        withdrawn.ShouldNotBeEmpty();
        foreach (var withdrawal in withdrawn)
        {
            var consent = given[withdrawal.ConsentId];
            withdrawal.RecordedAt.ShouldBeGreaterThan(consent.RecordedAt);
            withdrawal.WithdrawnAt!.Value.ShouldBeGreaterThan(consent.GivenAt!.Value);
            withdrawal.Person.ShouldBe(consent.Person);
        }
    }

    [Fact]
    public void When_a_notice_cites_an_opt_in_should_come_after_that_consent_was_recorded_and_before_any_withdrawal()
    {
        var consents = Timelines.Year.Of<ConsentEntry>().ToList();
        var given = consents.Where(c => !c.Withdrawal).ToDictionary(c => c.ConsentId);
        var withdrawn = consents.Where(c => c.Withdrawal).ToDictionary(c => c.ConsentId);
        var citing = Timelines.Year.Of<ReleaseNotice>().Where(n => n.OptInConsentRef is not null).ToList();

        citing.ShouldNotBeEmpty();
        foreach (var notice in citing)
        {
            given[notice.OptInConsentRef!].RecordedAt.ShouldBeLessThan(notice.IssuedAt);
            given[notice.OptInConsentRef!].Person.ShouldBe(notice.Person);
            notice.CohortTier.ShouldNotBeOneOf("MAPPA", "PPO");
            if (withdrawn.TryGetValue(notice.OptInConsentRef!, out var withdrawal))
            {
                withdrawal.WithdrawnAt!.Value.ShouldBeGreaterThan(notice.IssuedAt);
            }
        }
    }

    [Fact]
    public void When_an_opt_in_is_given_should_name_dsa_009_or_its_parties_and_carry_evidence()
    {
        var given = Timelines.Year.Of<ConsentEntry>().Where(c => !c.Withdrawal).ToList();

        given.ShouldAllBe(c => c.Purposes.SequenceEqual(new[] { "enhanced-resettlement" }) && c.EvidenceRef != null && c.GivenAt < c.RecordedAt);
        given.ShouldContain(c => c.AgreementId == "DSA-009" && c.Recipients.Count == 0);
        given.ShouldContain(c => c.AgreementId == null && c.Recipients.SequenceEqual(new[] { "police", "council", "jcp" }));
    }
}
