using System.Text.Json;
using Hub.Contracts.Agencies;
using Hub.Contracts.Catalogue;
using Hub.Contracts.Envelope;
using Hub.Sharing.Agreements;
using Hub.Sharing.Consent;
using Hub.Sharing.Decisions;
using Hub.Sharing.Projection;

namespace Hub.Sharing.PropertyTests.Model;

/// <summary>Renders a case into what the engine sees: agreement files loaded by the loader, and a request.</summary>
public static class Harness
{
    /// <summary>Lints the generated files on <see cref="CaseModel.LoadDay"/>; null when they hold an error.</summary>
    public static AgreementSet? TryLoad(this CaseModel c) => TryLoad(c.Files());

    public static AgreementSet? TryLoad(IReadOnlyList<(string Name, string Text)> files) =>
        AgreementLoader.Lint(files, CaseModel.LoadDay).HasErrors ? null : AgreementLoader.Load(files, CaseModel.LoadDay);

    public static JsonElement EventJson(this CaseModel c)
    {
        using var document = JsonDocument.Parse(c.Event.ToJson());
        return document.RootElement.Clone();
    }

    public static DecisionRequest Request(this CaseModel c)
    {
        var json = c.EventJson();
        return new DecisionRequest
        {
            Source = new AgencyCode(c.Event.Source),
            EventType = c.Event.EventType,
            Classification = EventCatalogue.TryGet(c.Event.EventType, out var info) ? info.Classification : DataClassification.Personal,
            Consent = new ConsentTag { ConsentRef = c.ConsentRef, LegalGateway = c.LegalGateway, CollectionPurpose = c.DeclaredPurpose },
            Event = json,
            PresentFields = PayloadProjector.PresentFields(json),
            Candidates = [.. c.Candidates.Select(r => new AgencyCode(r))],
            DecisionTime = c.DecisionTime,
            Consents = new ConsentSnapshot(c.Consents.Select(x => new ConsentState(
                x.Id,
                x.Purposes,
                [.. x.Recipients.Select(r => new AgencyCode(r))],
                c.DecisionTime.AddSeconds(x.GivenSeconds),
                x.ExpiresSeconds is { } e ? c.DecisionTime.AddSeconds(e) : null,
                x.WithdrawnSeconds is { } w ? c.DecisionTime.AddSeconds(w) : null))),
        };
    }

    public static IReadOnlyList<Decision> Decide(this AgreementSet set, CaseModel c) => new AgreementDecisionEngine(set).Decide(c.Request());

    public static string Show(this Decision d) =>
        $"{d.Recipient}: {d.Outcome} by {d.AgreementId ?? "-"}/{d.FlowId ?? "-"} released [{string.Join(", ", d.ReleasedFields)}] pseudonymised [{string.Join(", ", d.PseudonymisedFields)}]" +
        $"{Environment.NewLine}    reasons: {string.Join(" | ", d.Reasons)}";
}
