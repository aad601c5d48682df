namespace Hub.Sharing.Agreements;

public enum AgreementStatus
{
    Draft,
    Active,
    Suspended,
    Retired,
}
