using System.Text.Json;
using Hub.Contracts.Subjects;
using Hub.Sharing.Disclosure;

namespace Hub.Sharing.Tests.Disclosure;

public class AggregateDisclosureTests
{
    [Fact]
    public void When_an_indicator_code_embeds_an_nhs_number_should_name_the_path_and_kind_but_not_the_value()
    {
        var findings = AggregateDisclosure.Scan(Event("""{"period":"2026-Q3","indicators":[{"code":"NI-21","value":42},{"code":"re 943 476 5919","value":3}]}"""));

        var finding = findings.ShouldHaveSingleItem();
        finding.Path.ShouldBe("indicators[1].code");
        finding.Kind.ShouldBe(IdentifierKind.NhsNumber);
        AggregateDisclosure.Describe(findings).ShouldNotContain("943");
        AggregateDisclosure.Describe(findings).ShouldContain("indicators[1].code holds what looks like an NHS number");
    }

    [Fact]
    public void When_a_number_is_an_nhs_number_should_find_it()
    {
        AggregateDisclosure.Scan(Event("""{"indicators":[{"code":"NI-21","value":9434765919}]}""")).ShouldHaveSingleItem().Path.ShouldBe("indicators[0].value");
    }

    [Fact]
    public void When_a_property_name_holds_an_identifier_should_report_the_object_and_never_echo_the_name()
    {
        var findings = AggregateDisclosure.Scan(Event("""{"breakdown":{"JZ010203D":4}}"""));

        findings.ShouldHaveSingleItem().Path.ShouldBe("breakdown (a property name)");
        AggregateDisclosure.Describe(findings).ShouldNotContain("JZ010203D");
    }

    [Fact]
    public void When_the_payload_is_plain_statistics_should_find_nothing() =>
        AggregateDisclosure.Scan(Event("""{"period":"2026-Q3","reportingBody":"Lewisham","indicators":[{"code":"VSC-11","value":1234567890.5},{"code":"NI-19","value":9434765918}]}""")).ShouldBeEmpty();

    [Fact]
    public void When_the_envelope_is_the_only_place_with_digits_should_not_scan_it() =>
        AggregateDisclosure.Scan(Event("""{"envelope":{"note":"9434765919"},"period":"2026-Q3"}""")).ShouldBeEmpty();

    [Fact]
    public void When_many_values_hold_identifiers_should_stop_at_the_limit()
    {
        var items = string.Join(",", Enumerable.Repeat("""{"code":"9434765919","value":1}""", 20));
        AggregateDisclosure.Scan(Event($$"""{"indicators":[{{items}}]}""")).Count.ShouldBe(AggregateDisclosure.MaxFindings);
    }

    private static JsonElement Event(string json) => JsonDocument.Parse(json).RootElement;
}
