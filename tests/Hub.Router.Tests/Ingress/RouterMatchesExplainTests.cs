using Hub.Router.Tests.Support;
using Hub.Sharing.Agreements;
using Hub.Sharing.Cases;
using Hub.Sharing.Decisions;
using Hub.Router.Ledger;

namespace Hub.Router.Tests.Ingress;

/// <summary>
/// The router enforces exactly what <c>hub rules explain</c> predicts: every sample case is decided by the engine
/// as the CLI does, then sent through the router, and the ledger and deliveries must match recipient by recipient.
/// </summary>
public sealed class RouterMatchesExplainTests
{
    private static readonly string Agreements = Path.Combine(AppContext.BaseDirectory, "samples", "agreements");
    private static readonly string CasesFolder = Path.Combine(AppContext.BaseDirectory, "samples", "cases");

    /// <summary>Every sample case; the consents a case names are put in the router's registry first, for the event's subject.</summary>
    public static TheoryData<string> SampleCases()
    {
        var names = new TheoryData<string>();
        foreach (var shareCase in LoadCases())
        {
            names.Add(shareCase.Name);
        }

        return names;
    }

    [Fact]
    public void When_samples_are_loaded_should_have_cases_to_compare() => SampleCases().Count.ShouldBeGreaterThanOrEqualTo(5);

    [Theory]
    [MemberData(nameof(SampleCases))]
    public async Task When_a_sample_case_is_routed_should_match_what_explain_predicts(string name)
    {
        var shareCase = LoadCases().Single(c => c.Name == name);
        var set = AgreementLoader.LoadDirectory(Agreements);
        var predicted = CaseRunner.Run(new AgreementDecisionEngine(set), shareCase, set.Participants.Codes).Decisions;

        // The router reads for every participant the samples declare, as an operator connecting them would configure it.
        var agencies = set.Participants.Codes.Select((code, i) => KeyValuePair.Create($"Router:Agencies:{i}", (string?)code.Value));
        await using var host = await RouterTestHost.StartAsync(Agreements, moreSettings: new Dictionary<string, string?>(agencies), now: shareCase.At);
        await ConsentSeeding.SeedAsync(host, shareCase);
        var eventId = shareCase.Event.Envelope.EventId;
        await host.SendAsync(shareCase.Source, shareCase.Event);
        var rows = await host.WaitForLedgerAsync(r => r.Count(x => x.EventId == eventId) >= predicted.Count, $"{predicted.Count} decisions for {name}");
        var allowed = predicted.Where(d => d.IsAllowed).ToList();
        var delivered = allowed.Count == 0 ? [] : await host.WaitForDeliveriesAsync(eventId, allowed.Count);

        foreach (var decision in predicted)
        {
            var row = rows.Single(r => r.EventId == eventId && r.Recipient == decision.Recipient.Value);
            row.Outcome.ShouldBe(decision.IsAllowed ? LedgerOutcome.Allowed : LedgerOutcome.Denied, decision.Recipient.Value);
            row.Reasons.ShouldBe(decision.Reasons, decision.Recipient.Value);
            row.ReleasedFields.ShouldBe(decision.ReleasedFields, decision.Recipient.Value);
            row.WithheldFields.ShouldBe(decision.WithheldFields, decision.Recipient.Value);
        }

        delivered.Select(d => d.Recipient.Value).Order(StringComparer.Ordinal).ShouldBe(allowed.Select(d => d.Recipient.Value).Order(StringComparer.Ordinal));
        foreach (var delivery in delivered)
        {
            var fields = delivery.Payload.EnumerateObject()
                .SelectMany(p => p.NameEquals("subject") ? p.Value.EnumerateObject().Select(i => "subject." + i.Name) : [p.Name])
                .Order(StringComparer.Ordinal);
            fields.ToList().ShouldBe(allowed.Single(d => d.Recipient == delivery.Recipient).ReleasedFields, delivery.Recipient.Value);
        }
    }

    private static List<ShareCase> LoadCases() =>
        [.. Directory.GetFiles(CasesFolder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(file =>
        {
            var (cases, diagnostics) = CaseFile.Read(Path.GetFileName(file), File.ReadAllText(file));
            diagnostics.ShouldBeEmpty();
            return cases;
        })];
}
