using Hub.Adapters.Core.Mapping;
using Hub.Contracts.Agencies;
using Hub.Contracts.Envelope;
using Hub.Contracts.Registration.V1;
using Hub.Contracts.Subjects;

namespace Hub.Adapters.Council.Registration;

/// <summary>
/// A birth registration whose informant took up Tell Us Once becomes <c>registration.birth.recorded</c> under the
/// TUO-REG gateway for birth registration (DSA-014). The informant is the subject; the child travels only as the
/// payload fields. A registration without Tell Us Once is not published: the row is refused naming the column.
/// </summary>
public sealed class BirthRegistrationMapper
{
    public const string RecordKind = "birth-registration";

    public MappingResult<BirthRecorded> Map(BirthRegistrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new FieldReader();
        var entry = fields.Required("entry_ref", record.EntryRef);
        var district = fields.Required("district", record.District?.ToLowerInvariant());
        var registeredAt = fields.Timestamp("registered_at", record.RegisteredAt);
        var born = fields.Date("child_date_of_birth", record.ChildDateOfBirth);
        if (!fields.HasProblems && born > DateOnly.FromDateTime(registeredAt.UtcDateTime))
        {
            fields.Add("child_date_of_birth", "is after the registration");
        }

        var nino = fields.Nino("informant_nino", record.InformantNino);
        if (FieldReader.Optional(record.InformantNino) is null)
        {
            fields.Add("informant_nino", "is required (DWP matches the informant on it)");
        }

        var joint = fields.Flag("joint_registration", record.JointRegistration);
        var multiple = fields.Flag("multiple_birth", record.MultipleBirth);
        var tellUsOnce = fields.Flag("tell_us_once", record.TellUsOnce);
        if (tellUsOnce == false || FieldReader.Optional(record.TellUsOnce) is null)
        {
            fields.Add("tell_us_once", "is not Y: the informant did not take up Tell Us Once, so DWP is not told");
        }

        if (fields.HasProblems)
        {
            return MappingResult<BirthRecorded>.Failure(fields.Problems);
        }

        return MappingResult<BirthRecorded>.Success(new BirthRecorded
        {
            Envelope = new EventEnvelope
            {
                EventId = RecordEventIds.For(AgencyCode.Council, RecordKind, entry),
                OccurredAt = registeredAt,
                Source = AgencyCode.Council,
                Subject = new SubjectIdentifiers { Nino = nino, LocalId = FieldReader.Optional(record.InformantRef) },
                Classification = DataClassification.Personal,
                Consent = new ConsentTag { LegalGateway = "TUO-REG", CollectionPurpose = "birth-registration" },
            },
            RegistrationId = entry,
            RegistrationDistrict = district,
            RegisteredOn = DateOnly.FromDateTime(registeredAt.UtcDateTime),
            ChildDateOfBirth = born,
            ChildGivenNames = FieldReader.Optional(record.ChildForenames),
            ChildFamilyName = FieldReader.Optional(record.ChildSurname),
            JointRegistration = joint,
            MultipleBirth = multiple,
        });
    }
}
