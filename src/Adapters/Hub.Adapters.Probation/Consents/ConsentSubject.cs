using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Probation.Consents;

/// <summary>Who a consent row is about: the registry keys consents on these identifiers, so at least one is needed.</summary>
internal static class ConsentSubject
{
    public static SubjectIdentifiers Read(FieldReader fields, ConsentRecord record)
    {
        var subject = new SubjectIdentifiers
        {
            PncId = fields.PncId("pnc_id", record.PncId),
            LocalId = FieldReader.Optional(record.NomsId),
            Nino = fields.Nino("nino", record.Nino),
            NhsNumber = fields.NhsNumber("nhs_number", record.NhsNumber),
        };
        var given = new[] { record.PncId, record.NomsId, record.Nino, record.NhsNumber };
        if (given.All(string.IsNullOrWhiteSpace))
        {
            fields.Add("noms_id", "or pnc_id, nino or nhs_number is required: the consent must identify the person");
        }

        return subject;
    }
}
