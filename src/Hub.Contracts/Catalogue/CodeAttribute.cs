namespace Hub.Contracts.Catalogue;

/// <summary>
/// Marks a text field whose value comes from a short controlled vocabulary that identifies nobody (a cohort tier, a
/// programme, a local authority, a provider kind). Such values, like enums and booleans outside special-category data,
/// may be recorded in the disclosure ledger so that <c>hub rules replay</c> can decide agreement conditions on them.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class CodeAttribute : Attribute;
