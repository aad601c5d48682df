namespace Hub.Adapters.Agencies.Tests.Nhs.Semantics;

/// <summary>
/// One generated resource: a sample that maps today with its status, intent and doNotPerform replaced and perhaps
/// an unknown modifier extension added (<see cref="ModifierOn"/>: "" the resource, or a backbone element's path).
/// </summary>
public sealed record FhirCase(string ResourceType, string Status, string? Intent, bool? DoNotPerform, string? ModifierOn, string VersionId)
{
    public FhirVariant Build()
    {
        var variant = ResourceType switch
        {
            "MedicationRequest" => FhirVariant.MedicationRequest(),
            "ServiceRequest" => FhirVariant.ServiceRequest(),
            "Encounter" => FhirVariant.Encounter(),
            _ => FhirVariant.MeasureReport(),
        };
        variant.Set("status", Status).Version(VersionId);
        if (Intent is not null)
        {
            variant.Set("intent", Intent);
        }

        if (DoNotPerform is { } prohibited)
        {
            variant.Set("doNotPerform", prohibited);
        }

        return ModifierOn is null ? variant : variant.WithModifier(ModifierOn);
    }

    public override string ToString() =>
        $"{ResourceType} status={Status} intent={Intent ?? "-"} doNotPerform={DoNotPerform?.ToString() ?? "-"} modifierOn={(ModifierOn is null ? "-" : $"'{ModifierOn}'")} version={VersionId}";
}
