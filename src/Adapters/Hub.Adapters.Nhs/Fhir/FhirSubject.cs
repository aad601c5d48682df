using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>The hub subject from a logical reference to a patient (<c>subject.identifier</c>), as UK Core allows.</summary>
public static class FhirSubject
{
    public static SubjectIdentifiers? From(ResourceReference? subject, string path, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var identifier = subject?.Identifier;
        if (identifier is null || identifier.System != FhirSystems.NhsNumber || string.IsNullOrWhiteSpace(identifier.Value))
        {
            fields.Add($"{path}.identifier[nhs-number]", "is missing");
            return null;
        }

        var nhsNumber = fields.NhsNumber($"{path}.identifier[nhs-number]", identifier.Value.Replace(" ", string.Empty, StringComparison.Ordinal));
        return nhsNumber is null ? null : new SubjectIdentifiers { NhsNumber = nhsNumber };
    }
}
