namespace Hub.WebConsole.Agreements;

/// <summary>A status word shown beside an agreement, with the GOV.UK tag colour that marks its urgency.</summary>
public sealed record AgreementBadge(string Text, string TagClass);
