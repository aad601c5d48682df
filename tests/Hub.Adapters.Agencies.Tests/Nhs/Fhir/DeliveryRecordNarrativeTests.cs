using System.Xml.Linq;
using Hl7.Fhir.Model;

namespace Hub.Adapters.Agencies.Tests.Nhs.Fhir;

/// <summary>
/// Every record carries a generated plain-language narrative: one XHTML div, the record's own facts in words, and
/// nothing the record does not hold (a field the flow delivered but the record leaves out stays out of it too).
/// </summary>
[Collection(StrictValidatorTests.Name)]
public sealed class DeliveryRecordNarrativeTests
{
    public static TheoryData<string> Kinds => WrittenRecords.Names;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void When_a_record_is_written_should_carry_a_generated_xhtml_narrative(string kind)
    {
        var text = ((DomainResource)WrittenRecords.Read(kind)).Text.ShouldNotBeNull();

        text.Status.ShouldBe(Narrative.NarrativeStatus.Generated);
        var div = XElement.Parse(text.Div!);
        div.Name.ShouldBe(XName.Get("div", "http://www.w3.org/1999/xhtml"));
        div.Value.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void When_a_release_notice_is_written_should_say_in_words_who_it_is_about_each_released_fact_and_the_basis()
    {
        var communication = (Communication)WrittenRecords.Read("release scheduled");

        Lines(communication).ShouldBe(
        [
            "Prison release scheduled",
            "Patient: NHS number 9990000212",
            "From: probation via AgencyHub",
            "Shared at: 2026-11-23T09:31:00+00:00",
            "Release date: 2026-12-04",
            "Establishment: HMP Fictional",
            "Substance misuse flagged: yes",
            "Mental health flagged: no",
            "Lead professional: offender manager, Lewisham team",
            "Shared under DSA-001@1 (F4-nhs-continuity-of-care) for continuity-of-care. Retain until 2027-11-23. Do not share onward.",
        ]);
    }

    [Fact]
    public void When_the_payload_holds_a_field_the_record_leaves_out_should_keep_it_out_of_the_narrative()
    {
        var communication = (Communication)WrittenRecords.Read("lead professional changed");

        communication.Text!.Div!.ShouldNotContain("2019/0412345P");
        Lines(communication).ShouldContain("Patient: NHS number 9990000220");
    }

    [Fact]
    public void When_no_nhs_number_was_released_should_say_the_patient_is_not_identified()
    {
        var communication = (Communication)WrittenRecords.Read("release scheduled, no NHS number released");

        Lines(communication).ShouldContain("Patient: not identified (no NHS number was shared)");
    }

    [Fact]
    public void When_a_released_value_looks_like_markup_should_escape_it_and_still_validate()
    {
        var delivery = NhsDeliveries.ReleaseScheduled("""{"releaseDate":"2026-12-04","establishment":"HMP <b>Fictional</b> & <script>x</script>"}""");

        var communication = (Communication)WrittenRecords.Read(delivery);

        Lines(communication).ShouldContain("Establishment: HMP <b>Fictional</b> & <script>x</script>");
        XElement.Parse(communication.Text!.Div!).Descendants().Select(e => e.Name.LocalName).Distinct().ShouldBe(["p", "b", "ul", "li"], ignoreOrder: true);
        BaseR4Validation.Issues(communication).ShouldBeEmpty();
    }

    [Fact]
    public void When_indicators_are_written_should_list_the_period_reporter_and_each_indicator()
    {
        var report = (MeasureReport)WrittenRecords.Read("indicators submitted");

        Lines(report).ShouldBe(
        [
            "Performance indicators (summary, aggregate figures)",
            "Reporting period: 2026-Q3 (2026-07-01 to 2026-09-30)",
            "Reported by: lewisham",
            "Report date: 2026-11-23T09:30:00+00:00",
            "NI-039: 212.4",
            "NI-152: 12.5",
        ]);
    }

    /// <summary>The narrative's paragraphs and list items as text.</summary>
    private static List<string> Lines(DomainResource resource) =>
        [.. XElement.Parse(resource.Text!.Div!).Descendants().Where(e => e.Name.LocalName is "p" or "li").Select(e => e.Value)];
}
