using Hub.Contracts.Agencies;

namespace Hub.Contracts.Tests;

public class AgencyCodeTests
{
    [Theory]
    [InlineData("police")]
    [InlineData("st-giles")]
    [InlineData("la2")]
    public void When_code_is_lower_case_words_should_be_valid(string value) => AgencyCode.IsValid(value).ShouldBeTrue();

    [Theory]
    [InlineData("Police")]
    [InlineData("p")]
    [InlineData("2police")]
    [InlineData("police.nhs")]
    [InlineData("")]
    [InlineData(null)]
    public void When_code_is_not_a_plain_name_should_be_invalid(string? value)
    {
        AgencyCode.IsValid(value).ShouldBeFalse();
        if (value is not null)
        {
            Should.Throw<ArgumentException>(() => new AgencyCode(value));
        }
    }
}
