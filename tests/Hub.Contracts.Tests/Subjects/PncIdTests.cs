using Hub.Contracts.Subjects;

namespace Hub.Contracts.Tests.Subjects;

public class PncIdTests
{
    [Theory]
    [InlineData(2019, 412345)]
    [InlineData(1999, 1)]
    [InlineData(2026, 9999999)]
    public void When_created_should_be_valid(int year, int serial) => PncId.IsValid(PncId.Create(year, serial)).ShouldBeTrue();

    [Fact]
    public void When_check_letter_is_altered_should_be_invalid()
    {
        var id = PncId.Create(2019, 412345);
        var wrong = id[..^1] + (id[^1] == 'A' ? 'B' : 'A');
        PncId.IsValid(wrong).ShouldBeFalse();
    }

    [Fact]
    public void When_check_letter_follows_the_modulus_23_rule_should_match_a_worked_example()
    {
        // 19 followed by 0412345 is 190412345; 190412345 mod 23 = 14, and letter 14 of ZABCDEFGHJKLMNP… is P.
        PncId.Create(2019, 412345).ShouldBe("2019/0412345P");
    }

    [Theory]
    [InlineData("2019-0412345B")]
    [InlineData("219/0412345B")]
    [InlineData("2019/04123456B")]
    [InlineData("2019/0412345")]
    [InlineData(null)]
    public void When_shape_is_wrong_should_be_invalid(string? value) => PncId.IsValid(value).ShouldBeFalse();
}
