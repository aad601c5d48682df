namespace Hub.Sharing.Agreements;

/// <summary>Checks that need the whole set or today's date: repeated ids, lifetimes, and permits that overlap.</summary>
internal static class AgreementSetRules
{
    public static IEnumerable<AgreementDiagnostic> Check(IReadOnlyList<Agreement> agreements, DateOnly today)
    {
        foreach (var repeated in agreements.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return At(repeated.Last(), repeated.Last().Location, $"agreement id {repeated.Key} is defined in more than one file ({string.Join(", ", repeated.Select(a => a.SourceFile))})") with
            {
                Suggestion = "give each agreement its own id; until then no agreement in the folder can take effect, as either could be the one meant",
            };
        }

        foreach (var agreement in agreements.Where(a => a.Status == AgreementStatus.Active))
        {
            // A lapsed agreement is a warning, not an error: it permits nothing from its expiry on (Agreement.IsInForceAt),
            // and refusing the whole folder for it would stop every other agreement too (docs/adr/0017).
            if (agreement.Expires is { } expires && expires <= today)
            {
                yield return At(agreement, agreement.ExpiresLocation, $"{agreement.Reference} expired on {expires:yyyy-MM-dd} but is still active; it permits nothing from that day") with
                {
                    Severity = DiagnosticSeverity.Warning,
                    Suggestion = "renew it with a new version and expiry date, or set status: retired",
                };
            }
            else if (agreement.Review is { } review && review <= today)
            {
                yield return At(agreement, agreement.ReviewLocation, $"{agreement.Reference} was due for review on {review:yyyy-MM-dd}") with
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

    /// <summary>A diagnostic at the clause it is about, or at the top of the agreement's file when that is not known.</summary>
    private static AgreementDiagnostic At(Agreement agreement, SourceLocation location, string message) => location == SourceLocation.Unknown
        ? new(agreement.SourceFile, 1, 1, message)
        : new(location.File, location.Line, location.Column, message);

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
