using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Nhs.Fhir;

/// <summary>
/// The hub subject from a request's patient when more than the NHS number is needed (a referral to employment
/// support also carries the National Insurance number): the subject points at a <c>contained</c> Patient
/// (<c>"reference": "#patient"</c>) whose identifiers are read by system. A logical reference
/// (<c>subject.identifier</c>) is read as <see cref="FhirSubject"/> reads it.
/// </summary>
public static class FhirPatientIdentifiers
{
    public static SubjectIdentifiers? From(DomainResource owner, ResourceReference? subject, string path, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(fields);
        if (subject?.Reference is not { } reference || !reference.StartsWith('#'))
        {
            return FhirSubject.From(subject, path, fields);
        }

        var patient = owner.Contained.OfType<Patient>().FirstOrDefault(p => p.Id == reference[1..]);
        if (patient is null)
        {
            fields.Add($"{path}.reference", "must point at a contained Patient");
            return null;
        }

        var patientPath = $"{owner.TypeName}.contained[Patient]";
        var nhsNumber = fields.NhsNumber($"{patientPath}.identifier[nhs-number]", ValueOf(patient, FhirSystems.NhsNumber)?.Replace(" ", string.Empty, StringComparison.Ordinal));
        var nino = fields.Nino($"{patientPath}.identifier[nino]", ValueOf(patient, FhirSystems.Nino));
        var localId = FieldReader.Optional(ValueOf(patient, FhirSystems.LocalPatientId));
        if (ValueOf(patient, FhirSystems.NhsNumber) is null && ValueOf(patient, FhirSystems.Nino) is null)
        {
            fields.Add($"{patientPath}.identifier", "needs an NHS number or a National Insurance number");
            return null;
        }

        return nhsNumber is null && nino is null ? null : new SubjectIdentifiers { NhsNumber = nhsNumber, Nino = nino, LocalId = localId };
    }

    /// <summary>
    /// The patient's current identifier on <paramref name="system"/>. <c>Identifier.use</c> is an R4 modifier element: an
    /// <c>old</c> (superseded) identifier no longer identifies the patient, so it is never chosen; among the rest an
    /// <c>official</c> one comes first, then the order sent.
    /// </summary>
    private static string? ValueOf(Patient patient, string system) =>
        FieldReader.Optional(patient.Identifier
            .Where(i => i.System == system && i.Use != Identifier.IdentifierUse.Old)
            .OrderBy(i => i.Use == Identifier.IdentifierUse.Official ? 0 : 1)
            .FirstOrDefault()?.Value);
}
