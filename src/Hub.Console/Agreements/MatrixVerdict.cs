namespace Hub.WebConsole.Agreements;

public enum MatrixVerdict
{
    Nothing,
    Permit,
    Forbid,
}
