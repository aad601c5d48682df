using System.Collections;
using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;

namespace Hub.Adapters.Nhs.Fhir.Semantics;

/// <summary>
/// R4's rule for modifiers (§2.4 "Modifier Extensions", §2.24 "implicitRules"): a system that reads a resource
/// carrying a <c>modifierExtension</c> it does not understand, on the resource or on any backbone element (contained
/// resources included), or an <c>implicitRules</c> URL, must not act on it. Each one becomes a problem at its FHIR
/// path naming the extension's URL; nothing else of the extension (its value may be personal data).
/// </summary>
public static class FhirModifiers
{
    /// <summary>Modifier extensions this adapter understands and applies. None yet: every one refuses the resource.</summary>
    public static IReadOnlySet<string> Understood { get; } = new HashSet<string>(StringComparer.Ordinal);

    public static void Check(Resource resource, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(fields);
        Walk(resource, resource.TypeName, fields);
    }

    private static void Walk(Base node, string path, FieldReader fields)
    {
        foreach (var (name, value) in node.EnumerateElements())
        {
            if (name == "modifierExtension" && value is IEnumerable extensions)
            {
                var i = 0;
                foreach (var extension in extensions.OfType<Extension>())
                {
                    if (extension.Url is not { } url || !Understood.Contains(url))
                    {
                        fields.Add($"{path}.modifierExtension[{i}]", $"{FhirReasonCodes.ModifierNotUnderstood} (extension {(extension.Url is null ? "without a url" : $"url {extension.Url}")} is not one this adapter understands, so the resource must not be acted on)");
                    }

                    i++;
                }

                continue;
            }

            if (name == "implicitRules" && node is Resource)
            {
                fields.Add($"{path}.implicitRules", $"{FhirReasonCodes.ModifierNotUnderstood} (the resource was made under implicit rules this adapter does not know)");
                continue;
            }

            switch (value)
            {
                case Base child:
                    Walk(child, $"{path}.{name}", fields);
                    break;
                case IEnumerable list and not string:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is Base element)
                        {
                            Walk(element, $"{path}.{name}[{index}]", fields);
                        }

                        index++;
                    }

                    break;
            }
        }
    }
}
