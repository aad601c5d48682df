namespace Hub.Sharing.Agreements;

/// <summary>
/// Static comparison of two agreement sets as of a day: for every (event type, source, recipient) either set
/// covers, whether sharing is forbidden, permitted (and with which fields and consent), or not covered.
/// Conditional flows are marked: whether they apply depends on each event.
/// </summary>
public static class AgreementDiff
{
    public static IEnumerable<AgreementChange> Compare(AgreementSet before, AgreementSet after, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Summarise(before, day);
        var now = Summarise(after, day);
        foreach (var key in old.Keys.Union(now.Keys).Order())
        {
            old.TryGetValue(key, out var was);
            now.TryGetValue(key, out var becomes);
            if (was == becomes)
            {
                continue;
            }

            var (eventType, source, recipient) = key;
            var change = (was?.Forbidden, becomes?.Forbidden, was?.Fields.Count > 0, becomes?.Fields.Count > 0) switch
            {
                (not true, true, _, _) => $"now forbidden by {becomes!.Flows}",
                (true, not true, _, true) => $"no longer forbidden; permitted by {becomes!.Flows}",
                (true, not true, _, _) => $"no longer forbidden (was {was!.Flows}); still not permitted, so denied by default",
                (_, _, false, true) => $"newly permitted by {becomes!.Flows}: {string.Join(", ", becomes.Fields)}",
                (_, _, true, false) => $"no longer permitted (was {was!.Flows})",
                _ => Changed(was!, becomes!),
            };
            yield return new AgreementChange(eventType, source, recipient, change);
        }
    }

    private static string Changed(Coverage was, Coverage becomes)
    {
        var parts = new List<string>();
        var added = becomes.Fields.Except(was.Fields).ToList();
        var removed = was.Fields.Except(becomes.Fields).ToList();
        if (added.Count > 0)
        {
            parts.Add("fields now released: " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            parts.Add("fields now withheld: " + string.Join(", ", removed));
        }

        if (was.Consent != becomes.Consent)
        {
            parts.Add($"consent {was.Consent} -> {becomes.Consent}");
        }

        if (was.Conditional != becomes.Conditional)
        {
            parts.Add(becomes.Conditional ? "now conditional" : "no longer conditional");
        }

        if (parts.Count == 0)
        {
            parts.Add($"grounds changed ({was.Flows} -> {becomes.Flows})");
        }

        return string.Join("; ", parts) + $" ({becomes.Flows})";
    }

    private static Dictionary<(string EventType, string Source, string Recipient), Coverage> Summarise(AgreementSet set, DateOnly day)
    {
        var time = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return set.Agreements
            .Where(a => a.IsInForceAt(time))
            .SelectMany(a => a.Flows.SelectMany(f => f.EventTypes.SelectMany(t => f.Recipients.Select(r => (Key: (t, f.Source.Value, r.Value), Agreement: a, Flow: f)))))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g =>
            {
                var forbids = g.Where(x => x.Flow.Effect == FlowEffect.Forbid && x.Flow.Conditions.Count == 0).ToList();
                var permits = g.Where(x => x.Flow.Effect == FlowEffect.Permit).ToList();
                var deciding = forbids.Count > 0 ? forbids : permits;
                return new Coverage(
                    forbids.Count > 0,
                    forbids.Count > 0 ? [] : [.. permits.SelectMany(p => p.Flow.Fields).Distinct().Order(StringComparer.Ordinal)],
                    string.Join(",", permits.Select(p => p.Flow.Consent).Distinct().Order()),
                    permits.Any(p => p.Flow.Conditions.Count > 0),
                    string.Join(" and ", deciding.Select(x => $"{x.Agreement.Reference} flow {x.Flow.Id}")));
            });
    }

    private sealed record Coverage(bool Forbidden, IReadOnlyList<string> Fields, string Consent, bool Conditional, string Flows)
    {
        public bool Equals(Coverage? other) =>
            other is not null && Forbidden == other.Forbidden && Fields.SequenceEqual(other.Fields) && Consent == other.Consent && Conditional == other.Conditional;

        public override int GetHashCode() => HashCode.Combine(Forbidden, Fields.Count, Consent, Conditional);
    }
}
