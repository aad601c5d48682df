using Hub.Sharing.Agreements;

namespace Hub.WebConsole.Agreements.Explain;

/// <summary>The cases decided under one agreement set, or the located problems that stopped them.</summary>
public sealed record WhatIfResult(string? SetHash, IReadOnlyList<AgreementDiagnostic> Problems, IReadOnlyList<ExplainedCase> Cases)
{
    public static WhatIfResult Refused(params AgreementDiagnostic[] problems) => new(null, problems, []);
}
