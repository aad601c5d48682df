using System.Globalization;
using Hub.Contracts.Agencies;
using Hub.Contracts.Performance.V1;
using Hub.Contracts.Subjects;
using Hub.Router.Ingress;
using Hub.Router.Ledger;
using Hub.Router.Tests.Support;

namespace Hub.Router.Tests.Disclosure;

/// <summary>
/// Through the router itself: a run of aggregate events, each holding one generated identifier (NHS number, NINo or PNC
/// id, written as people write them, in a random field), and not one is forwarded; each is refused and ledgered. The
/// generator is seeded, so a failure names a case that repeats. The FsCheck property in Hub.Sharing.PropertyTests runs
/// the same scan over far more cases.
/// </summary>
public sealed class AggregateNeverForwardedTests(AgreementsFolder agreements) : IClassFixture<AgreementsFolder>
{
    private const int Cases = 60;

    [Fact]
    public async Task When_aggregate_events_hold_generated_identifiers_should_forward_none_and_refuse_each()
    {
        await using var host = await RouterTestHost.StartAsync(agreements.Path);
        var random = new Random(20261207);
        var sent = new List<(Guid MessageId, string Case)>();
        for (var i = 0; i < Cases; i++)
        {
            var (indicators, description) = Planted(random);
            sent.Add((await host.SendAsync(AgencyCode.Council, indicators), description));
        }

        foreach (var (messageId, _) in sent)
        {
            await host.WaitForIngressConsumedAsync<IndicatorsSubmitted>(messageId);
        }

        var rows = await host.WaitForLedgerAsync(r => r.Count >= Cases, $"{Cases} rejection rows");
        foreach (var (messageId, description) in sent)
        {
            rows.ShouldContain(r => r.MessageId == messageId.ToString() && r.Outcome == LedgerOutcome.Rejected && r.Reasons[0] == RejectionCodes.PersonalDataInAggregate, description);
        }

        rows.ShouldNotContain(r => r.Outcome == LedgerOutcome.Allowed);
        host.Traffic.Sent.ShouldBeEmpty();
        host.Sink.Received.ShouldBeEmpty();
    }

    private static (IndicatorsSubmitted Event, string Description) Planted(Random random)
    {
        var (identifier, written) = (random.Next(3)) switch
        {
            0 => Nhs(random),
            1 => Nino(random),
            _ => Pnc(random),
        };
        var text = $"{Pick(random, "NI-21", "see", "total", "ref")}{Pick(random, " ", ": ", " (")}{written}{Pick(random, " ", ") ", "")}{Pick(random, "Q3", "Lewisham", "")}";
        var indicators = Enumerable.Range(0, random.Next(1, 5)).Select(i => new IndicatorValue { Code = $"NI-{10 + i}", Value = i * 2.5m }).ToList();
        var baseEvent = TestEvents.Indicators();
        var where = random.Next(4);
        var planted = where switch
        {
            0 => baseEvent with { Indicators = indicators, ReportingBody = text },
            1 => baseEvent with { Indicators = indicators, Period = text },
            2 => baseEvent with { Indicators = [.. indicators.Take(indicators.Count - 1), indicators[^1] with { Code = text }] },
            _ when identifier.All(char.IsAsciiDigit) => baseEvent with { Indicators = [.. indicators, new IndicatorValue { Code = "NI-99", Value = decimal.Parse(identifier, CultureInfo.InvariantCulture) }] },
            _ => baseEvent with { Indicators = indicators, ReportingBody = text },
        };
        return (planted, $"'{text}' (where {where})");
    }

    private static (string, string) Nhs(Random random)
    {
        string? number = null;
        while (number is null)
        {
            number = NhsNumber.WithCheckDigit(random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        }

        return (number, Pick(random, number, $"{number[..3]} {number[3..6]} {number[6..]}", $"{number[..3]}-{number[3..6]}-{number[6..]}"));
    }

    private static (string, string) Nino(Random random)
    {
        const string Letters = "ABCEGHJKLMNPRSTWXYZ";
        string nino;
        do
        {
            nino = $"{Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}{random.Next(1_000_000):000000}{"ABCD"[random.Next(4)]}";
        }
        while (!NationalInsuranceNumber.IsValid(nino));

        return (nino, Pick(random, nino, nino.ToLowerInvariant(), $"{nino[..2]} {nino[2..4]} {nino[4..6]} {nino[6..8]} {nino[8]}"));
    }

    private static (string, string) Pnc(Random random)
    {
        var pnc = PncId.Create(random.Next(1990, 2027), random.Next(1, 9_999_999));
        return (pnc, pnc);
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
