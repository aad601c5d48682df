namespace Hub.Contracts.Subjects;

/// <summary>The kinds of subject identifier the hub recognises wherever they appear, named as in error messages.</summary>
public enum IdentifierKind
{
    NhsNumber,
    NationalInsuranceNumber,
    PncId,
}
