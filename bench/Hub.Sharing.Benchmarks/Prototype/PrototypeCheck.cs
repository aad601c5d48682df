using System.Text.Json;
using Hub.Contracts;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;

namespace Hub.Sharing.Benchmarks.Prototype;

/// <summary>
/// Every key of a generated set, asked with gateway-, consent- and condition-variant requests, must get the same
/// decisions (as contract JSON) from <see cref="LeanDecisionEngine"/> as from <see cref="AgreementDecisionEngine"/>.
/// </summary>
public static class PrototypeCheck
{
    /// <summary>The decisions compared, by kind: allowed, denied by a forbid, denied with failed checks, denied for want of any flow.</summary>
    public static (int Allowed, int Forbidden, int Failed, int NoFlow) SameDecisions(AgreementSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var shipped = new AgreementDecisionEngine(set);
        var lean = new LeanDecisionEngine(set);
        var consents = new ConsentSnapshot([new ConsentState("C-123", ["offender-management", "resettlement-housing"], [AgencyCode.Police, AgencyCode.Council], SampleRelease.DecisionTime.AddDays(-30), null, null)]);
        var tags = new[]
        {
            new ConsentTag { LegalGateway = "ORA2014-s7", CollectionPurpose = "offender-management" },
            new ConsentTag { LegalGateway = "WRA2012-s131", CollectionPurpose = "benefit-or-grant-eligibility" },
            new ConsentTag { ConsentRef = "C-123", CollectionPurpose = "offender-management" },
            new ConsentTag { ConsentRef = "C-999", CollectionPurpose = "offender-management" },
        };
        var events = new[]
        {
            SampleRelease.Json,
            JsonSerializer.SerializeToElement(SampleRelease.Event with { CohortTier = "none", AddressOnRelease = null }, ContractJson.Options),
            JsonDocument.Parse("""{"releaseDate":"2026-12-04"}""").RootElement.Clone(),
        };
        var (allowed, forbidden, failed, noFlow) = (0, 0, 0, 0);
        foreach (var source in AgencyCode.WellKnown)
        {
            foreach (var type in AgreementGenerator.Keys.Select(k => k.EventType).Distinct())
            {
                foreach (var tag in tags)
                {
                    foreach (var json in events)
                    {
                        foreach (var time in new[] { SampleRelease.DecisionTime, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) })
                        {
                            var request = DecisionBenchmarksBase.Request(json, [.. AgencyCode.WellKnown.Where(a => a != source)]) with
                            {
                                Source = source,
                                EventType = type,
                                Consent = tag,
                                Consents = consents,
                                DecisionTime = time,
                            };
                            var decisions = shipped.Decide(request);
                            var expected = JsonSerializer.Serialize(decisions, ContractJson.Options);
                            var actual = JsonSerializer.Serialize(lean.Decide(request), ContractJson.Options);
                            if (expected != actual)
                            {
                                throw new InvalidOperationException($"prototype differs for {source} {type} {tag.LegalGateway ?? tag.ConsentRef}:\nshipped {expected}\nlean    {actual}");
                            }

                            foreach (var d in decisions)
                            {
                                _ = d.IsAllowed ? allowed++ : d.FlowId is not null ? forbidden++ : d.Reasons[0].StartsWith("no agreement", StringComparison.Ordinal) ? noFlow++ : failed++;
                            }
                        }
                    }
                }
            }
        }

        return (allowed, forbidden, failed, noFlow);
    }
}
