using Hub.Contracts.Subjects;

namespace Hub.Contracts.Tests.Subjects;

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("4010232137")]
    public void When_check_digit_matches_should_be_valid(string value) => NhsNumber.IsValid(value).ShouldBeTrue();

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347A5919")] // letter
    [InlineData("")]
    [InlineData(null)]
    public void When_format_or_check_digit_is_wrong_should_be_invalid(string? value) => NhsNumber.IsValid(value).ShouldBeFalse();

    [Fact]
    public void When_remainder_gives_ten_should_have_no_valid_number()
    {
        // 0000000060: weighted sum 6*2 = 12, 11 - (12 % 11) = 10, so no check digit can make it valid.
        NhsNumber.WithCheckDigit("000000006").ShouldBeNull();
    }

    [Fact]
    public void When_completing_nine_digits_should_give_a_valid_number()
    {
        var number = NhsNumber.WithCheckDigit("999000001");
        number.ShouldNotBeNull();
        NhsNumber.IsValid(number).ShouldBeTrue();
        number.ShouldStartWith("999000001");
    }
}
