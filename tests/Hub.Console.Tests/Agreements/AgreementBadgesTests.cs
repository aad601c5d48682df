using Hub.Sharing.Agreements;
using Hub.WebConsole.Agreements;

namespace Hub.WebConsole.Tests.Agreements;

public sealed class AgreementBadgesTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    [Theory]
    [InlineData(AgreementStatus.Active, "2026-01-01", "2027-06-01", "2028-01-01", "Active")]
    [InlineData(AgreementStatus.Active, "2026-01-01", "2027-06-01", "2027-03-08", "Active|Expiring soon")]
    [InlineData(AgreementStatus.Active, "2026-01-01", "2027-06-01", "2027-03-09", "Active")]
    [InlineData(AgreementStatus.Active, "2026-01-01", "2026-01-01", "2026-12-08", "Active|Expired")]
    [InlineData(AgreementStatus.Active, "2026-01-01", "2026-12-07", "2028-01-01", "Active|Review overdue")]
    [InlineData(AgreementStatus.Active, "2026-01-01", "2026-12-08", "2028-01-01", "Active|Review due today")]
    [InlineData(AgreementStatus.Active, "2027-01-01", "2027-06-01", "2028-01-01", "Active|Not yet in force")]
    [InlineData(AgreementStatus.Draft, "2026-01-01", "2020-01-01", "2026-12-09", "Draft")]
    [InlineData(AgreementStatus.Retired, "2026-01-01", "2020-01-01", "2020-01-02", "Retired")]
    public void Badges_follow_status_and_dates(AgreementStatus status, string effective, string review, string expires, string expected)
    {
        var agreement = new Agreement
        {
            Id = "TST-1", Version = 1, Title = "t", Status = status, Flows = [], SourceFile = "t.yaml",
            Effective = DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture),
            Review = DateOnly.Parse(review, System.Globalization.CultureInfo.InvariantCulture),
            Expires = DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture),
        };

        string.Join('|', AgreementBadges.For(agreement, Today, expiringSoonDays: 90).Select(b => b.Text)).ShouldBe(expected);
    }
}
