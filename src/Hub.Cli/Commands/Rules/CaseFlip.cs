using Hub.Contracts.Agencies;

namespace Hub.Cli.Commands.Rules;

/// <summary>A case decision that differs between two agreement sets: allow/deny flipped, or the released fields changed.</summary>
internal sealed record CaseFlip(string Case, AgencyCode Recipient, bool WasAllowed, bool IsAllowed, IReadOnlyList<string> FieldsAdded, IReadOnlyList<string> FieldsRemoved)
{
    public override string ToString()
    {
        var outcome = WasAllowed == IsAllowed ? "still allowed" : $"{DecisionJson.Word(WasAllowed)} -> {DecisionJson.Word(IsAllowed)}";
        return $"case '{Case}': {Recipient} {outcome}{Fields("+", FieldsAdded)}{Fields("-", FieldsRemoved)}";
    }

    private static string Fields(string sign, IReadOnlyList<string> fields) => fields.Count == 0 ? string.Empty : $"; fields {sign}{string.Join($" {sign}", fields)}";
}
