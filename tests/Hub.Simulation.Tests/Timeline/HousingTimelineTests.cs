using Hub.Simulation.Population;
using Hub.Simulation.Timeline;

namespace Hub.Simulation.Tests.Timeline;

public sealed class HousingTimelineTests
{
    [Fact]
    public void When_jcp_answers_should_answer_a_housing_query_of_the_same_person_made_earlier()
    {
        var queries = Timelines.Year.Of<HousingApplication>().ToDictionary(a => a.QueryId);
        var answers = Timelines.Year.Of<StatusCheckAnswer>().ToList();

        answers.Count.ShouldBeGreaterThan(800);
        foreach (var answer in answers)
        {
            var query = queries[answer.QueryId];
            answer.Person.ShouldBe(query.Applicant);
            answer.AnsweredAt.ShouldBeGreaterThan(query.SubmittedAt);
        }
    }

    [Fact]
    public void When_jcp_answers_should_follow_the_claimant_pool_of_the_person()
    {
        var answers = Timelines.Generate(days: 364, seed: 7, scale: 5).Of<StatusCheckAnswer>().ToList();

        answers.Where(a => a.Person.Claimant == ClaimantStatus.None).ShouldAllBe(a => a.ClaimRef == null && a.Status != "NOT_IN_WORK");
        answers.Where(a => a.Person.Claimant == ClaimantStatus.IbEsa).ShouldAllBe(a => a.ClaimRef!.StartsWith("ESA-"));
        answers.Where(a => a.Person.Claimant == ClaimantStatus.Jsa).ShouldAllBe(a => a.ClaimRef!.StartsWith("JSA-"));
        var ibEsa = answers.Where(a => a.Person.Claimant == ClaimantStatus.IbEsa).ToList();
        ibEsa.Count.ShouldBeGreaterThan(100, "19,090 of 260,000 residents claim IB/ESA (§4a)");
        (ibEsa.Count(a => a.Status == "NOT_IN_WORK") / (double)ibEsa.Count).ShouldBeGreaterThan(0.85);
    }
}
