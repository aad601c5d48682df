using Hub.Contracts.Subjects;

namespace Hub.Contracts.Tests.Subjects;

public class EmbeddedIdentifiersTests
{
    [Theory]
    [InlineData("9434765919", IdentifierKind.NhsNumber)]
    [InlineData("ward 3: patient 943 476 5919 discharged", IdentifierKind.NhsNumber)]
    [InlineData("ref 943-476-5919.", IdentifierKind.NhsNumber)]
    [InlineData("NHS9434765919Lewisham", IdentifierKind.NhsNumber)]
    [InlineData("JZ010203D", IdentifierKind.NationalInsuranceNumber)]
    [InlineData("claimant jz 01 02 03 d (see file)", IdentifierKind.NationalInsuranceNumber)]
    [InlineData("nominal 2019/0012345G flagged", IdentifierKind.PncId)]
    public void When_text_holds_a_valid_identifier_should_find_its_kind(string text, IdentifierKind kind) =>
        EmbeddedIdentifiers.Find(text).ShouldBe(kind);

    [Theory]
    [InlineData("9434765918")] // check digit wrong
    [InlineData("94347659190")] // eleven digits: part of a longer number
    [InlineData("GB010203D")] // a prefix never allocated
    [InlineData("2019/0012345A")] // wrong check letter
    [InlineData("NI-21 Vital Signs 2026-Q3")]
    [InlineData("12345678-9abc-4def-8123-456789abcdef")]
    public void When_text_holds_no_valid_identifier_should_find_nothing(string text) =>
        EmbeddedIdentifiers.Find(text).ShouldBeNull();

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591.9", false)]
    [InlineData("1200", false)]
    public void When_a_number_is_ten_digits_with_a_valid_check_digit_should_be_an_nhs_number(string raw, bool expected) =>
        (EmbeddedIdentifiers.FindInNumber(raw) == IdentifierKind.NhsNumber).ShouldBe(expected);
}
