namespace Hub.Contracts.Catalogue;

/// <summary>
/// Marks a field holding health data (UK GDPR Art. 9) inside an event that is not itself a health event, such
/// as a mental-health flag on a release notice: a flow releasing it needs an Art. 9 and a Schedule 1 condition.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SpecialCategoryAttribute : Attribute;
