using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hub.Contracts.Subjects;
using Hub.Sharing.Agreements;
using Hub.Sharing.Decisions;
using Hub.Sharing.Disclosure;
using Hub.Sharing.Projection;
using Hub.Sharing.PropertyTests.Model;
using Hub.Sharing.Provenance;
using Hub.Sharing.Vocabulary;
using Xunit.Sdk;

namespace Hub.Sharing.PropertyTests;

/// <summary>
/// Issue 12's two permissive failures, checked over generated data: no aggregate event holding a subject identifier
/// passes the ingress scan (the router refuses it before any decision, so it is never forwarded), and no value a
/// source obtained under a restricted gateway leaves again for a recipient or purpose that gateway does not allow.
/// </summary>
public class DisclosureProperties
{
    private const int Runs = 1000;
    private static readonly string[] Words = ["NI-21", "Vital Signs", "Q3", "see", "ref", "(", ")", "-", ":", "total", "Lewisham"];
    private static readonly string[] Agencies = ["police", "probation", "jcp", "nhs", "council"];

    [Property(MaxTest = Runs)]
    public Property When_an_aggregate_payload_holds_a_generated_identifier_anywhere_the_scan_should_find_it_and_never_echo_it() =>
        Prop.ForAll(Arb.From(PlantedIdentifierGen()), planted =>
        {
            var findings = AggregateDisclosure.Scan(planted.Payload);
            if (findings.Count == 0)
            {
                throw new XunitException($"{planted.Kind} written as '{planted.Written}' at {planted.Path} was not found in {planted.Payload.GetRawText()}");
            }

            if (!findings.Any(f => f.Path == planted.Path))
            {
                throw new XunitException($"found at {string.Join(", ", findings.Select(f => f.Path))} but not at {planted.Path}");
            }

            var described = AggregateDisclosure.Describe(findings);
            if (described.Contains(planted.Identifier, StringComparison.OrdinalIgnoreCase) || described.Contains(planted.Written, StringComparison.OrdinalIgnoreCase))
            {
                throw new XunitException("the rejection reason echoes the identifier");
            }
        });

    [Property(MaxTest = Runs, MaxRejected = Runs / 4)]
    public Property When_values_were_obtained_under_a_gateway_should_release_them_only_where_that_gateway_allows_and_never_widen_a_share() =>
        Prop.ForAll(CaseGenerators.Arbitrary(CaseGenerators.Cases()), Arb.From(Gen.ListOf(Gen.Choose(0, 10_000)).Select(l => l.ToArray())), (c, seeds) =>
        {
            var set = c.TryLoad();
            if (set is null)
            {
                return;
            }

            var request = c.Request();
            var restrictions = Restrictions(request, seeds);
            var engine = new AgreementDecisionEngine(set);
            var plain = engine.Decide(request);
            var limited = engine.Decide(request with { Inherited = restrictions });
            for (var i = 0; i < limited.Count; i++)
            {
                var (before, after) = (plain[i], limited[i]);
                var recipient = after.Recipient.Value;
                Verify.That(!after.IsAllowed || before.IsAllowed, c, limited, () => $"{recipient} is allowed only once inherited limits are added");
                Verify.That(after.ReleasedFields.All(before.ReleasedFields.Contains), c, limited, () => $"{recipient} receives more with inherited limits than without");
                foreach (var field in after.ReleasedFields)
                {
                    var limits = restrictions.Where(r => r.Field == field).ToList();
                    Verify.That(
                        limits.Count == 0 || c.PermitsNaming(recipient).Any(f => f.Fields.Contains(field) && limits.All(l => l.Allows(recipient, f.Purpose))),
                        c,
                        limited,
                        () => $"{recipient} receives {field}, obtained under {string.Join(", ", limits.Select(l => $"{l.Gateway} from {l.OriginSource}"))}, though no permit releasing it has a purpose those limits allow");
                }
            }
        });

    /// <summary>Inherited limits on some of the request's non-subject fields, from gateways, sources and purposes picked by the seeds.</summary>
    private static InheritedRestriction[] Restrictions(DecisionRequest request, int[] seeds)
    {
        var fields = request.PresentFields.Where(f => !f.StartsWith("subject.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        if (fields.Length == 0)
        {
            return [];
        }

        return
        [
            .. seeds.Take(4).Select(seed =>
            {
                var gateway = Gateways.All[seed % Gateways.All.Count];
                return new InheritedRestriction(
                    fields[seed / 7 % fields.Length],
                    gateway.Id,
                    gateway.PrescribedPurposes[seed / 11 % gateway.PrescribedPurposes.Count],
                    Agencies[seed / 13 % Agencies.Length],
                    request.DecisionTime.AddDays(-1));
            }),
        ];
    }

    private static Gen<PlantedIdentifier> PlantedIdentifierGen() =>
        from kind in Gen.Elements(IdentifierKind.NhsNumber, IdentifierKind.NationalInsuranceNumber, IdentifierKind.PncId)
        from identifier in IdentifierGen(kind)
        from written in WrittenGen(kind, identifier)
        from before in Gen.Elements(Words)
        from after in Gen.Elements(Words)
        from separator in Gen.Elements(" ", ": ", " (", ", ")
        from indicators in Gen.Choose(1, 6)
        from at in Gen.Choose(0, indicators + 1)
        from asNumber in Gen.Elements(true, false)
        from inCode in Gen.Elements(true, false)
        let numeric = asNumber && kind == IdentifierKind.NhsNumber
        select Plant(kind, identifier, numeric ? identifier : $"{before}{separator}{written}{separator}{after}", numeric, indicators, at, inCode);

    private static Gen<string> IdentifierGen(IdentifierKind kind) => kind switch
    {
        IdentifierKind.NhsNumber => Gen.Choose(100_000_000, 999_999_999).Select(n => NhsNumber.WithCheckDigit(n.ToString(CultureInfo.InvariantCulture))).Where(n => n is not null).Select(n => n!),
        IdentifierKind.NationalInsuranceNumber =>
            from first in Gen.Elements("ABCEGHJKLMNPRSTWXYZ".ToCharArray())
            from second in Gen.Elements("ABCEGHJKLMNPRSTWXYZ".ToCharArray())
            from digits in Gen.Choose(0, 999_999)
            from suffix in Gen.Elements('A', 'B', 'C', 'D')
            let nino = $"{first}{second}{digits:000000}{suffix}"
            where NationalInsuranceNumber.IsValid(nino)
            select nino,
        _ => from year in Gen.Choose(1990, 2026) from serial in Gen.Choose(1, 9_999_999) select PncId.Create(year, serial),
    };

    /// <summary>How a person would write it: as stored, spaced, lower-case.</summary>
    private static Gen<string> WrittenGen(IdentifierKind kind, string identifier) => kind switch
    {
        IdentifierKind.NhsNumber => Gen.Elements(identifier, $"{identifier[..3]} {identifier[3..6]} {identifier[6..]}", $"{identifier[..3]}-{identifier[3..6]}-{identifier[6..]}"),
        IdentifierKind.NationalInsuranceNumber => Gen.Elements(identifier, identifier.ToLowerInvariant(), $"{identifier[..2]} {identifier[2..4]} {identifier[4..6]} {identifier[6..8]} {identifier[8]}"),
        _ => Gen.Constant(identifier),
    };

    private static PlantedIdentifier Plant(IdentifierKind kind, string identifier, string written, bool asNumber, int indicators, int at, bool inCode)
    {
        var items = Enumerable.Range(0, indicators).Select(i => new Dictionary<string, object> { ["code"] = $"NI-{i + 10}", ["value"] = i * 3.5m }).ToList();
        var payload = new Dictionary<string, object> { ["period"] = "2026-Q3", ["reportingBody"] = "Lewisham", ["indicators"] = items };
        string path;
        if (at == indicators)
        {
            payload["reportingBody"] = written;
            path = "reportingBody";
        }
        else if (at == indicators + 1 && !asNumber)
        {
            payload["period"] = written;
            path = "period";
        }
        else
        {
            var index = Math.Min(at, indicators - 1);
            var field = asNumber || !inCode ? "value" : "code";
            items[index][field] = asNumber ? decimal.Parse(written, CultureInfo.InvariantCulture) : written;
            path = $"indicators[{index}].{field}";
            if (asNumber && at >= indicators)
            {
                path = $"indicators[{index}].value";
            }
        }

        return new PlantedIdentifier(kind, identifier, written, path, JsonSerializer.SerializeToElement(payload));
    }

    public sealed record PlantedIdentifier(IdentifierKind Kind, string Identifier, string Written, string Path, JsonElement Payload)
    {
        public override string ToString() => $"{Kind} '{Written}' at {Path}";
    }
}
