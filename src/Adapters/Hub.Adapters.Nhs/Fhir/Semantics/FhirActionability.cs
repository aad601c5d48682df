using Hub.Adapters.Core.Mapping;

namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// The checks every resource's semantics share: a modifier element (<c>status</c>, <c>intent</c>,
/// <c>doNotPerform</c>) whose value means "do not act on this" becomes a <see cref="FhirReasonCodes.NotActionable"/>
/// problem at that element's path. The problem names the path, never the value.
/// </summary>
public static class FhirActionability
{
    public static void Status<TCode>(TCode? value, IReadOnlySet<TCode> actionable, string path, FieldReader fields)
        where TCode : struct, Enum => Code(value, actionable, path, "status", fields);

    public static void Intent<TCode>(TCode? value, IReadOnlySet<TCode> actionable, string path, FieldReader fields)
        where TCode : struct, Enum => Code(value, actionable, path, "intent", fields);

    /// <summary>R4 <c>doNotPerform</c> true turns the request into a prohibition: nothing is to be done, so nothing is shared.</summary>
    public static void DoNotPerform(bool? value, string path, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (value is true)
        {
            fields.Add(path, $"{FhirReasonCodes.NotActionable} (the request says the action must not be performed)");
        }
    }

    private static void Code<TCode>(TCode? value, IReadOnlySet<TCode> actionable, string path, string element, FieldReader fields)
        where TCode : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(actionable);
        ArgumentNullException.ThrowIfNull(fields);
        if (value is not { } code)
        {
            fields.Add(path, "is required");
        }
        else if (!actionable.Contains(code))
        {
            fields.Add(path, $"{FhirReasonCodes.NotActionable} (this {element} means the resource is not to be acted on for this share; see the adapter's README)");
        }
    }
}
