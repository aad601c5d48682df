namespace Hub.Sharing.Agreements;

/// <summary>Who approved the agreement, e.g. the Caldicott guardian, SIRO or DPO, with their reference.</summary>
public sealed record SignOff(string Role, string Reference, DateOnly? Date);
