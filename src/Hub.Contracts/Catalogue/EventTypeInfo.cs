using Hub.Contracts.Envelope;

namespace Hub.Contracts.Catalogue;

/// <summary>One shareable event type: its agreement name, CLR record, releasable field names and class of data.</summary>
public sealed record EventTypeInfo(string Name, Type ClrType, IReadOnlyList<string> Fields, DataClassification Classification, IReadOnlyList<string> SpecialCategoryFields)
{
    /// <summary>True when releasing <paramref name="field"/> discloses health data.</summary>
    public bool IsSpecialCategory(string field) =>
        Classification == DataClassification.SpecialCategoryHealth ? !field.StartsWith("subject.", StringComparison.Ordinal) : SpecialCategoryFields.Contains(field);
}
