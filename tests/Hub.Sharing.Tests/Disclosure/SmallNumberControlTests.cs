using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Disclosure;

namespace Hub.Sharing.Tests.Disclosure;

/// <summary>Small-number suppression as an agreement option for aggregate flows (issue 12, point 1).</summary>
public class SmallNumberControlTests
{
    private const string Indicators = """{"period":"2026-Q3","reportingBody":"Lewisham","indicators":[{"code":"NI-21","value":42},{"code":"NI-19","value":3},{"code":"NI-30","value":0},{"code":"VS-2","value":2.5}]}""";

    [Fact]
    public void When_a_flow_suppresses_small_numbers_should_allow_and_name_the_suppressed_counts()
    {
        var decision = Engine("smallNumbers: { threshold: 5, action: suppress }").Decide(Request(Indicators)).Single();

        decision.IsAllowed.ShouldBeTrue();
        decision.SuppressCountsBelow.ShouldBe(5);
        decision.SuppressedValues.ShouldBe(["indicators[1].value"]);
        decision.Reasons.ShouldContain("small-number disclosure control: indicators[1].value is a count below 5 and leaves as null");
    }

    [Fact]
    public void When_small_counts_are_suppressed_should_write_them_as_null_and_keep_everything_else()
    {
        var suppressed = SmallNumbers.Suppress(JsonDocument.Parse(Indicators).RootElement, 5);

        var values = suppressed.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("value")).ToList();
        values[0].GetInt32().ShouldBe(42);
        values[1].ValueKind.ShouldBe(JsonValueKind.Null);
        values[2].GetInt32().ShouldBe(0);
        values[3].GetDecimal().ShouldBe(2.5m);
        suppressed.GetProperty("reportingBody").GetString().ShouldBe("Lewisham");
    }

    [Fact]
    public void When_a_flow_denies_small_numbers_should_deny_an_event_with_one_and_say_where()
    {
        var engine = Engine("smallNumbers: { threshold: 5, action: deny }");

        var denied = engine.Decide(Request(Indicators)).Single();
        denied.IsAllowed.ShouldBeFalse();
        denied.Reasons.ShouldHaveSingleItem().ShouldBe("DSA-A@1 flow F1: small-number disclosure control: indicators[1].value holds a count below 5, and this flow refuses an event with a small count");
        engine.Decide(Request("""{"period":"2026-Q3","indicators":[{"code":"NI-21","value":42}]}""")).Single().IsAllowed.ShouldBeTrue();
    }

    [Fact]
    public void When_no_flow_sets_small_number_control_should_release_counts_as_they_are()
    {
        var decision = Engine(string.Empty).Decide(Request(Indicators)).Single();

        decision.IsAllowed.ShouldBeTrue();
        decision.SuppressCountsBelow.ShouldBeNull();
        decision.SuppressedValues.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("smallNumbers: { threshold: 1 }", "smallNumbers.threshold must be from 2 to 100")]
    [InlineData("smallNumbers: { threshold: 5, action: round }", "smallNumbers.action 'round' is not suppress or deny")]
    public void When_small_number_control_is_invalid_should_refuse_it_at_its_line(string option, string expected)
    {
        var result = AgreementLoader.Lint([("a.yaml", Agreement(option))], new DateOnly(2026, 11, 1));

        result.Diagnostics.ShouldContain(d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains(expected) && d.Line > 1);
    }

    [Fact]
    public void When_small_number_control_is_set_on_a_personal_event_flow_should_refuse_it()
    {
        var text = """
            id: DSA-P
            title: Personal
            version: 1
            status: active
            effective: 2026-01-01
            flows:
              - id: F1
                source: probation
                eventTypes: [custody.release.scheduled]
                recipients: [police]
                purpose: offender-management
                lawfulBasis: { article6: public-task, criminalOffence: sch1-part2-para6 }
                fields: [releaseDate]
                smallNumbers: { threshold: 5 }
            """;

        AgreementLoader.Lint([("p.yaml", text)], new DateOnly(2026, 11, 1)).Diagnostics
            .ShouldContain(d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("smallNumbers is disclosure control for aggregate statistics"));
    }

    private static AgreementDecisionEngine Engine(string option) => new(AgreementLoader.Load([("a.yaml", Agreement(option))], new DateOnly(2026, 11, 1)));

    private static string Agreement(string option) => $"""
        id: DSA-A
        title: Aggregate
        version: 1
        status: active
        effective: 2026-01-01
        flows:
          - id: F1
            source: council
            eventTypes: [performance.indicators.submitted]
            recipients: [nhs]
            purpose: performance-reporting
            lawfulBasis: {"{"} article6: public-task {"}"}
            fields: [period, reportingBody, indicators]
            {option}
        """;

    private static DecisionRequest Request(string json)
    {
        var element = JsonDocument.Parse(json).RootElement;
        return new DecisionRequest
        {
            Source = AgencyCode.Council,
            EventType = "performance.indicators.submitted",
            Classification = DataClassification.AggregateNonPersonal,
            Consent = new ConsentTag { CollectionPurpose = "performance-reporting" },
            Event = element,
            PresentFields = [.. element.EnumerateObject().Select(p => p.Name)],
            Candidates = [AgencyCode.Nhs],
            DecisionTime = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
        };
    }
}
