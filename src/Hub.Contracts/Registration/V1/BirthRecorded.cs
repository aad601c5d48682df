using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;

namespace Hub.Contracts.Registration.V1;

/// <summary>
/// A council registrar has registered a birth and, under Tell Us Once, tells DWP (F-27, AS-14). The envelope's
/// subject is the registering parent (their NI number); the child is described only by the fields below.
/// </summary>
[EventType("registration.birth.recorded", Classification = DataClassification.Personal)]
public sealed record BirthRecorded : IShareableEvent
{
    public required EventEnvelope Envelope { get; init; }

    /// <summary>The registrar's reference for the register entry (district, register and entry number).</summary>
    public required string RegistrationId { get; init; }

    /// <summary>The registration district, e.g. <c>lewisham</c>.</summary>
    public required string RegistrationDistrict { get; init; }

    public required DateOnly RegisteredOn { get; init; }

    public required DateOnly ChildDateOfBirth { get; init; }

    public string? ChildGivenNames { get; init; }

    public string? ChildFamilyName { get; init; }

    /// <summary>True when both parents registered the birth together.</summary>
    public bool? JointRegistration { get; init; }

    /// <summary>True for twins, triplets and so on; each child has its own event.</summary>
    public bool? MultipleBirth { get; init; }
}
