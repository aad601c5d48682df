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
}
