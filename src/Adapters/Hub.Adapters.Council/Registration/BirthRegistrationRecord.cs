namespace Hub.Adapters.Council.Registration;

/// <summary>
/// One birth registration from the register office's daily export (CSV, one row per child): the register entry,
/// the child as registered, the informant parent, and whether the informant took up Tell Us Once (AS-14).
/// </summary>
public sealed class BirthRegistrationRecord
{
    /// <summary>District, register and entry number, e.g. <c>LEW-2026-B-0412</c>.</summary>
    public string? EntryRef { get; set; }

    /// <summary>Registration district code, lower case, e.g. <c>lewisham</c>.</summary>
    public string? District { get; set; }

    public string? RegisteredAt { get; set; }

    public string? ChildDateOfBirth { get; set; }

    public string? ChildForenames { get; set; }

    public string? ChildSurname { get; set; }

    /// <summary>As registered; kept at the register office, DSA-014 does not release it.</summary>
    public string? ChildSex { get; set; }

    /// <summary>Place of birth; kept at the register office.</summary>
    public string? PlaceOfBirth { get; set; }

    /// <summary>The informant parent's NI number, which DWP matches on.</summary>
    public string? InformantNino { get; set; }

    /// <summary>The register office's reference for the informant, the agency-local id.</summary>
    public string? InformantRef { get; set; }

    /// <summary><c>Y</c> when both parents registered together.</summary>
    public string? JointRegistration { get; set; }

    /// <summary><c>Y</c> for twins, triplets and so on (each child is its own row).</summary>
    public string? MultipleBirth { get; set; }

    /// <summary><c>Y</c> when the informant took up Tell Us Once at the appointment; otherwise DWP is not told.</summary>
    public string? TellUsOnce { get; set; }
}
