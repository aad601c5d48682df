using Hub.Sharing.Agreements;

namespace Hub.WebConsole.Agreements;

/// <summary>The badges of an agreement as of a day: its status, then what needs the IG lead's attention.</summary>
public static class AgreementBadges
{
    public const string ExpiringSoon = "Expiring soon";
    public const string Expired = "Expired";
    public const string ReviewOverdue = "Review overdue";
    public const string ReviewDueToday = "Review due today";
    public const string NotYetEffective = "Not yet in force";

    public static IReadOnlyList<AgreementBadge> For(Agreement agreement, DateOnly today, int expiringSoonDays)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var badges = new List<AgreementBadge> { Status(agreement.Status) };
        if (agreement.Status != AgreementStatus.Active)
        {
            return badges;
        }

        if (agreement.Effective > today)
        {
            badges.Add(new(NotYetEffective, "govuk-tag--blue"));
        }

        if (agreement.Expires is { } expires)
        {
            if (expires <= today)
            {
                badges.Add(new(Expired, "govuk-tag--red"));
                return badges;
            }

            if (expires.DayNumber - today.DayNumber <= expiringSoonDays)
            {
                badges.Add(new(ExpiringSoon, "govuk-tag--orange"));
            }
        }

        if (agreement.Review is { } review)
        {
            if (review < today)
            {
                badges.Add(new(ReviewOverdue, "govuk-tag--red"));
            }
            else if (review == today)
            {
                badges.Add(new(ReviewDueToday, "govuk-tag--yellow"));
            }
        }

        return badges;
    }

    private static AgreementBadge Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Active => new("Active", "govuk-tag--green"),
        AgreementStatus.Draft => new("Draft", "govuk-tag--grey"),
        AgreementStatus.Suspended => new("Suspended", "govuk-tag--yellow"),
        _ => new("Retired", "govuk-tag--grey"),
    };
}
