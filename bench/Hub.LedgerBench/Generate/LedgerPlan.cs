using Hub.Router.Ledger;

namespace Hub.LedgerBench.Generate;

/// <summary>
/// The generated ledger, row by row in seq order (1..rows): events about random people from the population, a row
/// in fifty that names nobody, and the person of interest's events spread evenly through the whole range.
/// </summary>
public sealed class LedgerPlan(BenchSettings settings, Population population, Random random)
{
    public const string InterestWithdrawnConsent = "CONSENT-INTEREST-1";
    public const string InterestActiveConsent = "CONSENT-INTEREST-2";

    private static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);

    /// <summary>Rows generated about the person of interest (all decisions), known once the enumeration is done.</summary>
    public long InterestRows { get; private set; }

    public static string ConsentOf(int subject) => $"CONSENT-{subject:D6}";

    public IEnumerable<LedgerEntry> Rows()
    {
        var factory = new RowFactory(random);
        var interestEvents = Math.Max(1, (settings.SubjectRows + 3) / 4);
        var interestEvery = Math.Max(1, settings.Rows / interestEvents);
        var nextInterest = interestEvery / 2;
        var microsPerRow = Math.Max(1, (long)(Span.TotalMicroseconds / settings.Rows));
        var interestEvent = 0;
        long seq = 1;
        while (seq <= settings.Rows)
        {
            var at = RowFactory.Start.AddMicroseconds(seq * microsPerRow);
            var source = random.Next(Population.Agencies.Length);
            IEnumerable<LedgerEntry> rows;
            var interest = false;
            if (seq >= nextInterest && interestEvent < interestEvents)
            {
                interest = true;
                var consent = interestEvent % 2 == 0 ? InterestWithdrawnConsent : InterestActiveConsent;
                rows = factory.Event(seq, at, source, population.InterestBySource[source], consent);
                interestEvent++;
                nextInterest += interestEvery;
            }
            else if (random.Next(50) == 0)
            {
                rows = [factory.Other(seq, at, source)];
            }
            else
            {
                var subject = random.Next(population.Count);
                rows = factory.Event(seq, at, source, population.BySourceAndSubject[(subject * Population.Agencies.Length) + source], ConsentOf(subject));
            }

            foreach (var row in rows)
            {
                if (seq > settings.Rows)
                {
                    yield break;
                }

                InterestRows += interest ? 1 : 0;
                seq++;
                yield return row;
            }
        }
    }
}
