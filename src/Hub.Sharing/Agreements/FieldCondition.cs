using System.Text.Json;

namespace Hub.Sharing.Agreements;

/// <summary>
/// A test on one top-level field of the event (cohort tier, area, responsible authority …). Explanations name
/// the field, never its value: the value may be personal data.
/// </summary>
public sealed record FieldCondition(string Field, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    public bool IsMetBy(JsonElement @event)
    {
        var value = default(JsonElement);
        var present = @event.ValueKind == JsonValueKind.Object
            && @event.TryGetProperty(Field, out value)
            && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined;
        if (Operator == ConditionOperator.Exists)
        {
            return present == (Values.Count == 0 || Values[0] == "true");
        }

        if (!present)
        {
            return Operator == ConditionOperator.NotIn;
        }

        // JSON true/false compare with the agreement's lower-case words; other values as written.
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        var listed = Values.Contains(text, StringComparer.Ordinal);
        return Operator == ConditionOperator.NotIn ? !listed : listed;
    }

    public string Describe() => Operator switch
    {
        ConditionOperator.EqualTo => $"{Field} equals {Values[0]}",
        ConditionOperator.In => $"{Field} is one of [{string.Join(", ", Values)}]",
        ConditionOperator.NotIn => $"{Field} is none of [{string.Join(", ", Values)}]",
        _ => Values.Count == 0 || Values[0] == "true" ? $"{Field} is present" : $"{Field} is absent",
    };
}
