using Hub.Contracts.Subjects;

namespace Hub.Contracts.Tests.Subjects;

public class NationalInsuranceNumberTests
{
    [Theory]
    [InlineData("AB123456C")]
    [InlineData("JY123456A")]
    [InlineData("ZX000000D")]
    public void When_pattern_matches_should_be_valid(string value) => NationalInsuranceNumber.IsValid(value).ShouldBeTrue();

    [Theory]
    [InlineData("DA123456C")] // D never first
    [InlineData("AO123456C")] // O never second
    [InlineData("GB123456C")] // unallocated prefix
    [InlineData("TN123456C")] // temporary-number prefix
    [InlineData("AB123456E")] // suffix beyond D
    [InlineData("AB12345C")] // five digits
    [InlineData("ab123456c")] // lower case
    [InlineData(null)]
    public void When_pattern_fails_should_be_invalid(string? value) => NationalInsuranceNumber.IsValid(value).ShouldBeFalse();

    [Theory]
    [InlineData("AB12345C", "wrong length: 8 characters")]
    [InlineData("AB1234567C", "wrong length: 10 characters")]
    [InlineData("DA123456C", "invalid first letter")]
    [InlineData("ab123456c", "invalid first letter")]
    [InlineData("AO123456C", "invalid second letter")]
    [InlineData("AQ123456C", "invalid second letter")]
    [InlineData("GB123456C", "forbidden prefix")]
    [InlineData("TN123456C", "forbidden prefix")]
    [InlineData("AB12E456C", "invalid digits")]
    [InlineData("AB123456E", "invalid suffix")]
    [InlineData("AB1234567", "invalid suffix")]
    public void When_a_rule_fails_should_name_that_rule(string value, string rule) =>
        NationalInsuranceNumber.Problem(value).ShouldNotBeNull().ShouldStartWith(rule);

    [Theory]
    [InlineData("AB123456C")]
    [InlineData("JY123456A")]
    public void When_the_number_is_well_formed_should_have_no_problem(string value) => NationalInsuranceNumber.Problem(value).ShouldBeNull();

    [Theory]
    [InlineData("QQ123456C")]
    [InlineData("GB123456C")]
    [InlineData("AB98765EC")]
    [InlineData("AB123456X")]
    public void When_a_rule_fails_should_not_echo_any_part_of_the_number(string value)
    {
        var problem = new SubjectIdentifiers { Nino = value }.Validate().ShouldHaveSingleItem();

        problem.ShouldStartWith("subject.nino is not a valid National Insurance number (");
        problem.ShouldNotContain(value[..2]);
        problem.ShouldNotContain(value[2..8]);
        problem.ShouldNotContain(value);
    }
}
