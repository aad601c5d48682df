using Hub.Sharing.Agreements;
using Hub.Sharing.Vocabulary;

namespace Hub.Cli.Commands.Rules.Replay;

/// <summary>
/// What the draft's flows for one recorded share would need that the ledger does not hold. The engine decides
/// only shares whose inputs are all recorded; any other is reported with the reason, never decided on a guess.
/// This reads the draft's flows (their conditions and consent needs); it does not decide anything itself.
/// </summary>
internal static class ReplayDependencies
{
    public static string? Missing(AgreementSet draft, RecordedEvent recorded, string recipient, IReadOnlySet<string> recordedFacts, ReplayConsents consents)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(recorded);
        var row = recorded.First;
        var flows = draft.Agreements.SelectMany(a => a.Flows)
            .Where(f => f.Source.Value == recorded.Source && f.EventTypes.Contains(row.EventType!, StringComparer.Ordinal) && f.Recipients.Any(r => r.Value == recipient))
            .ToList();
        var unrecorded = flows.SelectMany(f => f.Conditions)
            .Where(c => c.Operator != ConditionOperator.Exists && !c.Field.StartsWith(FieldCondition.SubjectPrefix, StringComparison.Ordinal))
            .Select(c => c.Field)
            .Where(field => recorded.PresentFields.Contains(field) && !recordedFacts.Contains(field))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unrecorded.Count > 0)
        {
            return $"depends on payload field{(unrecorded.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unrecorded)}, not recorded";
        }

        var permits = flows.Where(f => f.Effect == FlowEffect.Permit).ToList();
        if (permits.Count > 0 && row.CollectionPurpose is null && Gateways.Find(row.LegalGateway) is not null)
        {
            return "depends on the declared collection purpose, not recorded (row written before it was)";
        }

        if (row.ConsentRef is not null && !consents.Readable && permits.Any(f => f.Consent != ConsentRequirement.NotRequired))
        {
            return "depends on the consent's validity at the time, unknown (the consent registry is not readable from this ledger)";
        }

        return null;
    }
}
