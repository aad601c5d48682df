using Hub.Sharing.Agreements;
using Hub.Sharing.Cases;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;

namespace Hub.WebConsole.Agreements.Explain;

/// <summary>
/// The what-if explainer: a case as <c>hub rules explain --event</c> takes it (source, type, at, event, consents),
/// decided by the router's engine (<see cref="AgreementDecisionEngine"/>) under the agreements that load now. Nothing
/// is recorded: the case text lives only for the request.
/// </summary>
public static class WhatIfExplainer
{
    /// <summary>The largest case accepted; agreement files and cases are parsed under the same YAML limits.</summary>
    public const int MaxCaseLength = 64 * 1024;

    public const string CaseFileName = "case.yaml";

    public static WhatIfResult Explain(AgreementsSnapshot snapshot, string? caseText, DateTimeOffset? at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (string.IsNullOrWhiteSpace(caseText))
        {
            return WhatIfResult.Refused(new AgreementDiagnostic(CaseFileName, 1, 1, "enter a case: source, type, at and event, as hub rules explain --event takes"));
        }

        if (caseText.Length > MaxCaseLength)
        {
            return WhatIfResult.Refused(new AgreementDiagnostic(CaseFileName, 1, 1, $"the case is longer than {MaxCaseLength / 1024} KiB"));
        }

        if (snapshot.Lint.Set is not { } set)
        {
            return WhatIfResult.Refused(new AgreementDiagnostic(CaseFileName, 1, 1, "the agreements folder has an error that stops the whole set; see the agreement register"));
        }

        var (cases, diagnostics) = CaseFile.Read(CaseFileName, caseText);
        if (diagnostics.Any(d => d.IsError))
        {
            return new WhatIfResult(set.Hash, diagnostics, []);
        }

        var engine = new AgreementDecisionEngine(set);
        var explained = cases.Select(c =>
        {
            var time = at ?? c.At;
            var request = ShareRequests.Build(c.Source, c.Event, set.Participants.Codes, time, new ConsentSnapshot(c.Consents));
            return new ExplainedCase(c.Name, c.Source, request.EventType, c.Event.Envelope.EventId, time,
                [.. request.PresentFields.Order(StringComparer.Ordinal)], [.. engine.Decide(request)]);
        });
        return new WhatIfResult(set.Hash, diagnostics, [.. explained]);
    }
}
