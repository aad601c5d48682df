using System.Globalization;
using System.Text;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Sharing.Benchmarks;

/// <summary>
/// Writes N flows as agreement YAML (ten flows per agreement, so N / 10 agreements), for every source agency,
/// every catalogue event type and every other agency as recipient: 5 × 13 × 4 = 260 keys. The four keys the
/// benchmark asks about — probation's <c>custody.release.scheduled</c> to police, council, jcp and nhs — come
/// first, so with any N they hold flows. Every flow on them is a permit that applies to the benchmark event
/// (purpose allowed by the asserted ORA2014-s7 gateway, a third carry a condition the event meets), so every
/// decision walks every flow on its key and ends allowed, releasing the union of their fields. The other keys
/// also carry forbids, consent-required and gateway flows and pseudonymised fields (for the prototype check).
/// </summary>
public static class AgreementGenerator
{
    public const int FlowsPerAgreement = 10;
    public const int FixedFlowsPerHotKey = 2;
    public const string HotEventType = "custody.release.scheduled";

    public static readonly AgencyCode HotSource = AgencyCode.Probation;

    /// <summary>The candidates of the four-recipient request, in the order the router would list them.</summary>
    public static readonly AgencyCode[] HotRecipients = [AgencyCode.Police, AgencyCode.Jcp, AgencyCode.Nhs, AgencyCode.Council];

    private static readonly string Today = "2026-11-01";

    public static IReadOnlyList<(string Source, string EventType, string Recipient)> Keys { get; } = BuildKeys();

    public static int HotKeyCount => HotRecipients.Length;

    public static IReadOnlyList<(string Name, string Text)> Files(int flows, Layout layout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flows, HotKeyCount);
        var assignment = Assign(flows, layout);
        var files = new List<(string, string)>();
        for (var a = 0; a * FlowsPerAgreement < flows; a++)
        {
            var id = $"DSA-B{a:D5}";
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"""
                    id: {id}
                    title: Benchmark agreement {a}
                    version: 1
                    status: active
                    owner: {Keys[assignment[a * FlowsPerAgreement].Key].Source}
                    parties: [police, probation, jcp, nhs, council]
                    effective: 2026-01-01
                    review: 2027-01-01
                    expires: 2028-01-01
                    signOff:
                      - role: caldicott-guardian
                        reference: CG-B-{a:D5}
                        date: 2025-12-12
                    flows:

                    """);
            for (var i = a * FlowsPerAgreement; i < Math.Min(flows, (a + 1) * FlowsPerAgreement); i++)
            {
                AppendFlow(text, i - (a * FlowsPerAgreement) + 1, assignment[i].Key, assignment[i].Ordinal);
            }

            files.Add(($"{id.ToLowerInvariant()}.yaml", text.ToString()));
        }

        return files;
    }

    /// <summary>How many flows the generator puts on one of the four measured keys.</summary>
    public static int FlowsPerHotKey(int flows, Layout layout) =>
        Assign(flows, layout).Count(x => x.Key == 0);

    public static DateOnly LoadDate => DateOnly.Parse(Today, CultureInfo.InvariantCulture);

    /// <summary>Flow i → (key index, how many flows that key already had).</summary>
    private static (int Key, int Ordinal)[] Assign(int flows, Layout layout)
    {
        var perKey = new int[Keys.Count];
        var result = new (int, int)[flows];
        var hotBudget = layout == Layout.FixedHotKey ? FixedFlowsPerHotKey * HotKeyCount : 0;
        var cold = Keys.Count - HotKeyCount;
        for (var i = 0; i < flows; i++)
        {
            var key = layout switch
            {
                Layout.Uniform => i % Keys.Count,
                _ when i < hotBudget => i % HotKeyCount,
                _ => HotKeyCount + ((i - hotBudget) % cold),
            };
            result[i] = (key, perKey[key]++);
        }

        return result;
    }

    private static void AppendFlow(StringBuilder text, int number, int keyIndex, int ordinal)
    {
        var (source, eventType, recipient) = Keys[keyIndex];
        var info = EventCatalogue.All.Single(e => e.Name == eventType);
        var hot = keyIndex < HotKeyCount;
        var fields = FieldWindow(info.Fields, ordinal);
        var forbid = !hot && ordinal % 25 == 24;
        var id = $"F{number}-{recipient}";
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"""
              - id: {id}
                source: {source}
                eventTypes: [{eventType}]
                recipients: [{recipient}]

            """);
        if (forbid)
        {
            text.Append("""
                    effect: forbid
                    purpose: law-enforcement

                """);
            return;
        }

        text.Append(invariant, $"    purpose: {Purpose(recipient)}\n");
        text.Append("    lawfulBasis:\n      article6: public-task\n");
        if (fields.Any(info.IsSpecialCategory))
        {
            text.Append("      article9: health-or-social-care\n      schedule1: sch1-part1-para2\n");
        }

        if (info.Classification == DataClassification.CriminalOffence)
        {
            text.Append("      criminalOffence: sch1-part2-para6\n");
        }

        text.Append(invariant, $"    fields: [{string.Join(", ", fields)}]\n");
        // Aggregate statistics carry neither a consent nor a gateway, so lint refuses flows that rely on one.
        var aggregate = info.Classification == DataClassification.AggregateNonPersonal;
        if (!aggregate && !hot && ordinal % 11 == 6)
        {
            text.Append("    gateway: ORA2014-s7\n    consent: required-unless-gateway\n");
        }
        else if (!aggregate && !hot && ordinal % 7 == 5)
        {
            text.Append("    consent: required\n");
        }

        if (ordinal % 3 == 1)
        {
            text.Append(hot
                ? "    conditions: [{ field: cohortTier, in: [mappa, ppo, iom] }]\n"
                : $"    conditions: [{{ field: {info.Fields.First(f => !f.StartsWith("subject.", StringComparison.Ordinal))}, exists: true }}]\n");
        }

        if (!hot && ordinal % 4 == 3 && fields.FirstOrDefault(f => f.StartsWith("subject.", StringComparison.Ordinal)) is { } identifier)
        {
            text.Append(invariant, $"    pseudonymise: [{identifier}]\n");
        }

        text.Append(invariant, $"    obligations:\n      retentionDays: {365 + ordinal}\n      onwardSharingForbidden: true\n");
    }

    /// <summary>About two thirds of the event's fields, a different window for each flow on the same key.</summary>
    private static List<string> FieldWindow(IReadOnlyList<string> all, int ordinal)
    {
        var take = Math.Max(3, all.Count * 2 / 3);
        return [.. Enumerable.Range(0, take).Select(k => all[(ordinal + k) % all.Count]).Distinct()];
    }

    /// <summary>A purpose the ORA2014-s7 gateway prescribes, so the benchmark event's gateway never limits it.</summary>
    private static string Purpose(string recipient) => recipient switch
    {
        "council" => "resettlement-housing",
        "jcp" => "benefit-continuity",
        "nhs" => "continuity-of-care",
        _ => "offender-management",
    };

    private static List<(string, string, string)> BuildKeys()
    {
        var keys = HotRecipients.Select(r => (HotSource.Value, HotEventType, r.Value)).ToList();
        foreach (var source in AgencyCode.WellKnown)
        {
            foreach (var type in EventCatalogue.All.Select(e => e.Name).Order(StringComparer.Ordinal))
            {
                foreach (var recipient in AgencyCode.WellKnown.Where(r => r != source))
                {
                    if (!keys.Contains((source.Value, type, recipient.Value)))
                    {
                        keys.Add((source.Value, type, recipient.Value));
                    }
                }
            }
        }

        return keys;
    }
}
