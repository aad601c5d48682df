using Hl7.Fhir.Model;
using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Measures;

namespace Hub.Adapters.Nhs.Fhir.Quantities;

/// <summary>A FHIR Quantity read as sent, in its UCUM unit: it must be coded in UCUM (system and a code Fhir.Metrics knows).</summary>
public static class UcumDose
{
    public static UcumQuantity? Read(string path, Quantity? quantity, FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (quantity?.Value is not { } value)
        {
            return null;
        }

        if (quantity.System != UcumUnits.System || FieldReader.Optional(quantity.Code) is not { } code)
        {
            fields.Add($"{path}.code", "must be a UCUM unit (system http://unitsofmeasure.org and a code), so the dose keeps its unit");
            return null;
        }

        if (!UcumUnits.IsUnit(code))
        {
            fields.Add($"{path}.code", "is not a UCUM unit code");
            return null;
        }

        return new UcumQuantity { Value = value, Unit = code };
    }
}
