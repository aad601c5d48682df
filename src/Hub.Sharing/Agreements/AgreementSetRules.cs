namespace Hub.Sharing.Agreements;

/// <summary>Checks that need the whole set or today's date: repeated ids, lifetimes, and permits that overlap.</summary>
internal static class AgreementSetRules
{
    public static IEnumerable<AgreementDiagnostic> Check(IReadOnlyList<Agreement> agreements, DateOnly today)
    {
        foreach (var repeated in agreements.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new AgreementDiagnostic(repeated.Last().SourceFile, 1, 1, $"agreement id {repeated.Key} is defined in more than one file ({string.Join(", ", repeated.Select(a => a.SourceFile))})");
        }

        foreach (var agreement in agreements.Where(a => a.Status == AgreementStatus.Active))
        {
            if (agreement.Expires is { } expires && expires <= today)
            {
                yield return new AgreementDiagnostic(agreement.SourceFile, 1, 1, $"{agreement.Reference} expired on {expires:yyyy-MM-dd} but is still active")
                {
                    Suggestion = "renew it with a new version and expiry date, or set status: retired",
                };
            }
            else if (agreement.Review is { } review && review <= today)
            {
                yield return new AgreementDiagnostic(agreement.SourceFile, 1, 1, $"{agreement.Reference} was due for review on {review:yyyy-MM-dd}")
                {
                    Severity = DiagnosticSeverity.Warning,
                    Suggestion = "review it and set the next review date",
                };
            }
        }

        foreach (var warning in OverlappingPermits(agreements))
        {
            yield return warning;
        }
    }

    /// <summary>Two permits for the same source, event type and recipient that release different fields: legal, but worth a second look.</summary>
    private static IEnumerable<AgreementDiagnostic> OverlappingPermits(IReadOnlyList<Agreement> agreements)
    {
        var permits = agreements
            .Where(a => a.Status == AgreementStatus.Active)
            .SelectMany(a => a.Flows.Where(f => f.Effect == FlowEffect.Permit && f.Conditions.Count == 0).Select(f => (Agreement: a, Flow: f)))
            .SelectMany(x => x.Flow.EventTypes.SelectMany(t => x.Flow.Recipients.Select(r => (Key: (x.Flow.Source, t, r), x.Agreement, x.Flow))))
            .GroupBy(x => x.Key);
        foreach (var group in permits)
        {
            var distinct = group.DistinctBy(x => string.Join(",", x.Flow.Fields.Order(StringComparer.Ordinal))).ToList();
            if (distinct.Count > 1)
            {
                var later = distinct[^1];
                yield return new AgreementDiagnostic(later.Flow.Location.File, later.Flow.Location.Line, later.Flow.Location.Column,
                    $"{group.Key.t} from {group.Key.Source} to {group.Key.r} is permitted by {string.Join(" and ", distinct.Select(d => $"{d.Agreement.Reference} flow {d.Flow.Id}"))} with different fields; the recipient gets their union")
                {
                    Severity = DiagnosticSeverity.Warning,
                };
            }
        }
    }
}
