using System.Text.Json;

namespace Hub.Sharing.Agreements;

/// <summary>
/// A test on one top-level field of the event (cohort tier, area, responsible authority …), or on the presence of one
/// subject identifier. Explanations name the field, never its value: the value may be personal data.
/// </summary>
public sealed record FieldCondition(string Field, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Subject identifiers sit in the envelope's <c>subject</c> object; conditions may test them for presence only.</summary>
    public const string SubjectPrefix = "subject.";

    private readonly string? _subjectField = Field.StartsWith(SubjectPrefix, StringComparison.Ordinal) ? Field[SubjectPrefix.Length..] : null;

    public bool IsMetBy(JsonElement @event)
    {
        var value = default(JsonElement);
        var present = @event.ValueKind == JsonValueKind.Object
            && (_subjectField is null
                ? @event.TryGetProperty(Field, out value)
                : @event.TryGetProperty("envelope", out var envelope) && envelope.ValueKind == JsonValueKind.Object
                    && envelope.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.Object
                    && subject.TryGetProperty(_subjectField, out value))
            && value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined;
        if (Operator == ConditionOperator.Exists)
        {
            return present == (Values.Count == 0 || Values[0] == "true");
        }

        if (!present)
        {
            return Operator == ConditionOperator.NotIn;
        }

        var listed = IsListed(value);
        return Operator == ConditionOperator.NotIn ? !listed : listed;
    }

    /// <summary>
    /// Strings compare by their unescaped value without being copied out (this runs for every flow walked); JSON
    /// true/false and numbers compare as written, with the agreement's lower-case words.
    /// </summary>
    private bool IsListed(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return Values.Contains(value.GetRawText(), StringComparer.Ordinal);
        }

        for (var i = 0; i < Values.Count; i++)
        {
            if (value.ValueEquals(Values[i]))
            {
                return true;
            }
        }

        return false;
    }

    public string Describe() => Operator switch
    {
        ConditionOperator.EqualTo => $"{Field} equals {Values[0]}",
        ConditionOperator.In => $"{Field} is one of [{string.Join(", ", Values)}]",
        ConditionOperator.NotIn => $"{Field} is none of [{string.Join(", ", Values)}]",
        _ => Values.Count == 0 || Values[0] == "true" ? $"{Field} is present" : $"{Field} is absent",
    };
}
