using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hub.Adapters.Nhs.Discharges;
using Hub.Adapters.Nhs.Performance;
using Hub.Adapters.Nhs.Referrals;
using Hub.Adapters.Nhs.Sources;
using Hub.Adapters.Nhs.TreatmentContinuity;
using Hub.Contracts.Employment.V1;
using Hub.Contracts.Health.V1;
using Hub.Contracts.Performance.V1;
using Xunit.Sdk;

namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

/// <summary>
/// Issue 18's "no false shares", over generated resources of the four types the NHS adapter reads: a resource whose
/// status, intent, doNotPerform or modifier extensions mean "do not act" under R4 never maps to its sharing event
/// (at most to a retraction, and only for a status that takes back earlier versions), and every actionable one
/// still maps. The R4 codes and their meanings are written out here, not read from the adapter.
/// </summary>
public sealed class FhirSemanticsProperties
{
    private const int Runs = 600;

    private static readonly string[] RequestIntents = ["proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"];
    private static readonly string[] NotActionableIntents = ["proposal", "option"];

    private static readonly Dictionary<string, FhirResourceRules> Rules = new(StringComparer.Ordinal)
    {
        ["MedicationRequest"] = new(
            ["active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"],
            ["active"],
            ["entered-in-error", "cancelled"],
            RequestIntents,
            ["", "dosageInstruction[0]", "dispenseRequest"]),
        ["ServiceRequest"] = new(
            ["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"],
            ["active"],
            ["entered-in-error", "revoked"],
            [.. RequestIntents, "directive"],
            ["", "contained[0]"]),
        ["Encounter"] = new(
            ["planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"],
            ["in-progress"],
            ["entered-in-error", "cancelled"],
            [],
            ["", "hospitalization"]),
        ["MeasureReport"] = new(["complete", "pending", "error"], ["complete"], [], [], ["", "group[0]"]),
    };

    private static readonly Dictionary<string, Type> SharingEvents = new(StringComparer.Ordinal)
    {
        ["MedicationRequest"] = typeof(TreatmentContinuityRequired),
        ["ServiceRequest"] = typeof(ReferralCreated),
        ["Encounter"] = typeof(DischargePlanned),
        ["MeasureReport"] = typeof(IndicatorsSubmitted),
    };

    private readonly NhsResourceMapper _source = new(new EncounterDischargeMapper(), new MedicationRequestContinuityMapper(), new ServiceRequestReferralMapper(), new MeasureReportIndicatorsMapper());

    [Property(MaxTest = Runs)]
    public Property When_a_generated_resource_means_do_not_act_should_never_publish_its_sharing_event_and_every_actionable_one_should_still_map() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var mapping = _source.Map(c.Build().Json);
            var rules = Rules[c.ResourceType];
            var hasModifier = c.ModifierOn is not null;
            var actionable = rules.Actionable.Contains(c.Status)
                && (c.Intent is null || !NotActionableIntents.Contains(c.Intent))
                && c.DoNotPerform is not true
                && !hasModifier;

            if (actionable)
            {
                if (mapping.Value?.GetType() != SharingEvents[c.ResourceType])
                {
                    throw new XunitException($"{c} is actionable but did not map: {string.Join("; ", mapping.Problems)}");
                }

                return;
            }

            switch (mapping.Value)
            {
                case null:
                    break;
                case RecordRetracted when rules.Retracting.Contains(c.Status) && !hasModifier:
                    break;
                default:
                    throw new XunitException($"{c} means do not act but published {mapping.Value.GetType().Name}");
            }

            if (mapping.Problems.Any(p => p.ToString().Contains("9990000131", StringComparison.Ordinal)))
            {
                throw new XunitException($"{c}: a problem echoes the modifier extension's value");
            }
        });

    private static Gen<FhirCase> Cases() =>
        from type in Gen.Elements(Rules.Keys.ToArray())
        from c in CasesOf(type, Rules[type])
        select c;

    private static Gen<FhirCase> CasesOf(string type, FhirResourceRules rules) =>
        from status in Gen.Elements(rules.Statuses)
        from intent in rules.Intents.Length == 0 ? Gen.Constant<string?>(null) : Gen.Elements(rules.Intents).Select(i => (string?)i)
        from doNotPerform in rules.Intents.Length == 0 ? Gen.Constant<bool?>(null) : Gen.Elements<bool?>(null, false, true)
        from modifierOn in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(rules.ModifierPlaces).Select(p => (string?)p)))
        from version in Gen.Elements("1", "2", "7")
        select new FhirCase(type, status, intent, doNotPerform, modifierOn, version);
}
